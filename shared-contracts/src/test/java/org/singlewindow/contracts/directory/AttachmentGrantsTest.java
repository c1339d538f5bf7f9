package org.singlewindow.contracts.directory;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentGrantsTest {

    private final AttachmentGrants grants = AttachmentGrants.standard();

    @Test
    void customs_receives_every_attachment_of_a_goods_declaration_and_licensing_only_contracts_and_licences() {
        assertThat(grants.grants("GACC", DocumentType.GOODS_DECLARATION, "00000001")).isTrue();
        assertThat(grants.grants("MOFCOM", DocumentType.GOODS_DECLARATION, "00000004")).isTrue();
        assertThat(grants.grants("MOFCOM", DocumentType.GOODS_DECLARATION, "00000001")).isFalse();
    }

    @Test
    void an_agency_or_type_not_listed_receives_no_file() {
        assertThat(grants.grants("MSA", DocumentType.GOODS_DECLARATION, "00000001")).isFalse();
        assertThat(grants.grants("GACC", DocumentType.MANIFEST, "00000001")).isFalse();
    }
}
