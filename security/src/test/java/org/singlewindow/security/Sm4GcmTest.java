package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class Sm4GcmTest {

    private static final byte[] K1 = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] K2 = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    @Test
    void the_sm4_block_cipher_should_match_the_standards_example() {
        // GB/T 32907-2016, Appendix A example 1: key = plaintext = 0123456789abcdeffedcba9876543210
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(K1));
        byte[] out = new byte[16];
        engine.processBlock(K1, 0, out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void a_sealed_payload_should_open_only_with_its_key_and_in_its_place() {
        Sm4Gcm sm4 = new Sm4Gcm("k1", Map.of("k1", K1));
        String sealed = sm4.seal("{\"货物\":\"便携式计算机\"}", "decl-1");
        assertThat(sealed).startsWith("sm4gcm:k1:").doesNotContain("计算机");
        assertThat(sm4.open(sealed, "decl-1")).isEqualTo("{\"货物\":\"便携式计算机\"}");
        assertThat(sm4.seal("x", "decl-1")).isNotEqualTo(sm4.seal("x", "decl-1"));
        assertThatThrownBy(() -> sm4.open(sealed, "decl-2")).hasMessageContaining("does not open");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> sm4.open(tampered, "decl-1")).hasMessageContaining("does not open");
    }

    @Test
    void after_rotation_new_values_use_the_new_key_and_old_ones_still_open() {
        String old = new Sm4Gcm("k1", Map.of("k1", K1)).seal("before", "r");
        Sm4Gcm rotated = new Sm4Gcm("k2", Map.of("k1", K1, "k2", K2));
        assertThat(rotated.open(old, "r")).isEqualTo("before");
        assertThat(Sm4Gcm.keyIdOf(rotated.seal("after", "r"))).isEqualTo("k2");
        assertThat(rotated.open("{\"plain\":true}", "r")).isEqualTo("{\"plain\":true}");
        assertThatThrownBy(() -> new Sm4Gcm("k2", Map.of("k2", K2)).open(old, "r"))
                .hasMessageContaining("unknown SM4 key 'k1'");
        assertThatThrownBy(() -> new Sm4Gcm("k3", Map.of("k1", K1))).isInstanceOf(IllegalArgumentException.class);
    }
}
