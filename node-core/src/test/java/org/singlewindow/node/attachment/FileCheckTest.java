package org.singlewindow.node.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.node.refusal.Refusal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCheckTest {

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "f", ".bin"), bytes);
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void an_ofd_package_should_be_a_whole_zip_with_its_ofd_xml() throws IOException {
        byte[] ofd = zip("OFD.xml");
        assertThatCode(() -> FileCheck.check(file(ofd), "application/ofd")).doesNotThrowAnyException();
        assertRefused(file(zip("Doc_0/Document.xml")), "application/ofd", "NOT_THE_CLAIMED_TYPE");
        assertRefused(file(java.util.Arrays.copyOf(ofd, ofd.length - 10)), "application/ofd", "NOT_THE_CLAIMED_TYPE");
    }

    @Test
    void xml_should_parse_without_a_dtd() throws IOException {
        assertThatCode(() -> FileCheck.check(file("<a><b>1</b></a>".getBytes()), "application/xml"))
                .doesNotThrowAnyException();
        assertRefused(file("<a><b>1</a>".getBytes()), "application/xml", "NOT_THE_CLAIMED_TYPE");
        assertRefused(file("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".getBytes()),
                "application/xml", "NOT_THE_CLAIMED_TYPE");
    }

    @Test
    void a_jpeg_may_end_in_padding_but_not_before_its_end_marker() throws IOException {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, (byte) 0xFF, (byte) 0xD9, 0, 0};
        assertThatCode(() -> FileCheck.check(file(jpeg), "image/jpeg")).doesNotThrowAnyException();
        assertRefused(file(java.util.Arrays.copyOf(jpeg, 6)), "image/jpeg", "NOT_THE_CLAIMED_TYPE");
    }

    @Test
    void an_empty_file_is_refused_whatever_it_claims() throws IOException {
        for (String type : FileCheck.TYPES.keySet()) {
            assertRefused(file(new byte[0]), type, "EMPTY_FILE");
        }
    }

    private static void assertRefused(Path file, String type, String code) {
        assertThatThrownBy(() -> FileCheck.check(file, type)).isInstanceOfSatisfying(Refusal.class,
                r -> org.assertj.core.api.Assertions.assertThat(r.code()).isEqualTo(code));
    }
}
