package org.singlewindow.node.attachment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentsTest {

    @Test
    void a_file_name_may_not_carry_path_parts_or_control_characters() {
        assertThat(Attachments.cleanName("发票 invoice (1).pdf")).isTrue();
        assertThat(Attachments.cleanName("../x.pdf")).isFalse();
        assertThat(Attachments.cleanName("a\\b.pdf")).isFalse();
        assertThat(Attachments.cleanName("C:x.pdf")).isFalse();
        assertThat(Attachments.cleanName("tab\t.pdf")).isFalse();
        assertThat(Attachments.cleanName("del\u007f.pdf")).isFalse();
        assertThat(Attachments.cleanName("..")).isFalse();
        assertThat(Attachments.cleanName("")).isFalse();
        assertThat(Attachments.cleanName("x".repeat(256))).isFalse();
    }
}
