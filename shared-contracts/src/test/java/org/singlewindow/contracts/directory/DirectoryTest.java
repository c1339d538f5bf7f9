package org.singlewindow.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.document.DocumentType;

class DirectoryTest {

    private final Directory directory = Directory.standard();

    @Test
    void every_document_type_should_be_defined_from_directory_elements() {
        assertThat(directory.documents()).containsOnlyKeys(DocumentType.values());
        directory.documents().values().forEach(d -> d.leafPaths().forEach(path ->
                assertThat(directory.elements()).containsKey(d.field(path).orElseThrow().elementId())));
    }

    @Test
    void every_element_should_be_named_in_chinese_and_english_and_cite_the_source_of_its_ids() {
        assertThat(directory.elements().values()).allSatisfy(e -> {
            assertThat(e.nameZh()).isNotBlank();
            assertThat(e.nameEn()).isNotBlank();
            assertThat(e.description()).isNotBlank();
            if (e.wcoId() != null || e.untdedId() != null) {
                assertThat(e.source()).isNotBlank();
            }
            if (e.untdedId() != null) {
                assertThat(e.untdedId()).matches("\\d{4}");
            }
        });
    }

    @Test
    void every_code_list_should_say_where_it_came_from() {
        assertThat(directory.codeLists().values()).allSatisfy(c -> {
            assertThat(c.source()).isNotBlank();
            assertThat(c.codes().size()).isPositive();
        });
        assertThat(directory.codeList("PORT").contains("CNSHA")).isTrue();
        assertThat(directory.codeList("CUSTOMS_DISTRICT").contains("2248")).isTrue();
        assertThat(directory.codeList("CUSTOMS_DISTRICT").contains("9999")).isFalse();
    }

    @Test
    void every_document_type_should_reach_at_least_one_agency_and_the_subsets_name_real_fields() {
        for (DocumentType type : DocumentType.values()) {
            assertThat(java.util.Arrays.stream(AgencyCode.values()).anyMatch(a -> !directory.subset(a, type).isEmpty()))
                    .as(type.name()).isTrue();
        }
        assertThat(directory.subset(AgencyCode.BANK, DocumentType.TAX_PAYMENT)).contains("data.payer");
        assertThat(directory.subset(AgencyCode.GACC, DocumentType.TAX_PAYMENT)).doesNotContain("data.payer")
                .contains("data.payer.bankCode");
    }

    @Test
    void formats_should_read_the_edifact_notation() {
        assertThat(Format.parse("an..35")).isEqualTo(new Format(Format.Characters.ANY, true, 35, 0));
        assertThat(Format.parse("n..16,2").integerDigits()).isEqualTo(14);
        assertThat(Format.parse("a3").upTo()).isFalse();
    }
}
