package org.singlewindow.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm4GcmStreamsTest {

    private static final byte[] KEY = new byte[16];
    private static final Map<String, byte[]> KEYS = Map.of("k1", KEY);

    private static byte[] seal(byte[] plain, String aad) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = Sm4GcmStreams.sealing(sealed, "k1", KEY, aad)) {
            out.write(plain);
        }
        return sealed.toByteArray();
    }

    @Test
    void a_sealed_stream_should_open_to_the_same_bytes_and_not_contain_them() throws IOException {
        byte[] plain = new byte[300_000];
        new Random(7).nextBytes(plain);
        byte[] sealed = seal(plain, "attachment:a");
        assertThat(sealed.length).isEqualTo(plain.length + 4 + 1 + 2 + 12 + 16);
        try (InputStream in = Sm4GcmStreams.opening(new ByteArrayInputStream(sealed), KEYS, "attachment:a")) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void an_altered_or_moved_stream_should_not_open() throws IOException {
        byte[] sealed = seal("invoice".getBytes(), "attachment:a");
        byte[] altered = sealed.clone();
        altered[altered.length - 20] ^= 1;
        assertThatThrownBy(() -> Sm4GcmStreams.opening(new ByteArrayInputStream(altered), KEYS, "attachment:a")
                .readAllBytes()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Sm4GcmStreams.opening(new ByteArrayInputStream(sealed), KEYS, "attachment:b")
                .readAllBytes()).isInstanceOf(IOException.class);
    }
}
