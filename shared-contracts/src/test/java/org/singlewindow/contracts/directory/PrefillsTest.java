package org.singlewindow.contracts.directory;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefillsTest {

    private final Prefills prefills = Prefills.standard();

    @Test
    void a_goods_declaration_should_be_prefilled_from_the_bill_of_a_manifest_the_caller_names() {
        ObjectNode manifest = Samples.load("manifest");
        Prefills.Prefill prefill = prefills.of(DocumentType.MANIFEST, DocumentType.GOODS_DECLARATION).orElseThrow();
        JsonNode draft = Prefills.apply(prefill, Samples.SOME_ID, manifest, "COSU6263821470");

        assertThat(draft.get("documentType").asString()).isEqualTo("GOODS_DECLARATION");
        assertThat(draft.get("declarant")).isEqualTo(manifest.get("declarant"));
        JsonNode data = draft.get("data");
        assertThat(data.get("billOfLading").asString()).isEqualTo("COSU6263821470");
        assertThat(data.get("voyageNo").asString()).isEqualTo("045E");
        assertThat(data.get("transportName").asString()).isEqualTo("COSCO SHIPPING TAURUS");
        assertThat(data.get("portCustoms").asString()).isEqualTo("2248");
        assertThat(data.get("packages").asInt()).isEqualTo(12);
        assertThat(data.get("grossWeight").decimalValue()).isEqualByComparingTo("320.5");
        assertThat(data.get("containers").get(0).get("number").asString()).isEqualTo("CSQU3054383");
        assertThat(Directory.standard().validator().validate(draft).stream().map(v -> v.path()))
                .as("what it filled is valid where it is").noneMatch(p -> p.equals("$.data.billOfLading")
                        || p.startsWith("$.data.containers") || p.equals("$.data.grossWeight"));
    }

    @Test
    void a_bill_the_manifest_does_not_have_should_not_prefill_anything() {
        Prefills.Prefill prefill = prefills.of(DocumentType.MANIFEST, DocumentType.GOODS_DECLARATION).orElseThrow();
        assertThatThrownBy(() -> Prefills.apply(prefill, Samples.SOME_ID, Samples.load("manifest"), "NOPE"))
                .isInstanceOfSatisfying(Prefills.NotApplicable.class, e -> assertThat(e.field()).isEqualTo("pick"));
    }

    @Test
    void a_tax_rebate_should_be_prefilled_from_an_export_only() {
        Prefills.Prefill prefill = prefills.of(DocumentType.GOODS_DECLARATION, DocumentType.TAX_REBATE).orElseThrow();
        assertThat(prefill.releasedBy()).isEqualTo("GACC");
        ObjectNode export = Samples.load("goods-declaration-export");
        JsonNode draft = Prefills.apply(prefill, Samples.SOME_ID, export, null);
        assertThat(draft.get("data").get("exportDeclarationId").asString()).isEqualTo(Samples.SOME_ID);

        assertThatThrownBy(() -> Prefills.apply(prefill, Samples.SOME_ID, Samples.load("goods-declaration"), null))
                .isInstanceOfSatisfying(Prefills.NotApplicable.class,
                        e -> assertThat(e.field()).isEqualTo("data.direction"));
    }

    @Test
    void there_should_be_no_prefill_between_types_the_file_does_not_pair() {
        assertThat(prefills.of(DocumentType.TAX_PAYMENT, DocumentType.MANIFEST)).isEmpty();
    }
}
