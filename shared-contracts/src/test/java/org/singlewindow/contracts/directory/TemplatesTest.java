package org.singlewindow.contracts.directory;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    private final Directory directory = Directory.standard();

    @Test
    void a_goods_declaration_template_should_keep_parties_and_goods_and_leave_out_what_was_that_shipments() {
        ObjectNode earlier = Samples.load("goods-declaration");
        ((ObjectNode) earlier.get("data")).put("entryId", "222020261000012345").putArray("electronicDocuments").addObject()
                .put("id", "a".repeat(64)).put("code", "00000001");
        ObjectNode template = Templates.template(directory.document(DocumentType.GOODS_DECLARATION), earlier);

        assertThat(template.has("clientReference")).isFalse();
        for (String gone : new String[]{"billOfLading", "voyageNo", "entryId", "containers", "electronicDocuments"}) {
            assertThat(template.get("data").has(gone)).as(gone).isFalse();
        }
        assertThat(template.get("declarant")).isEqualTo(earlier.get("declarant"));
        assertThat(template.get("data").get("consigneeConsignor")).isEqualTo(earlier.get("data").get("consigneeConsignor"));
        assertThat(template.get("data").get("items")).isEqualTo(earlier.get("data").get("items"));
        assertThat(earlier.has("clientReference")).as("the earlier document is left as it was").isTrue();
    }

    @Test
    void a_manifest_template_should_leave_out_each_bills_number_and_containers_and_keep_the_rest_of_the_bill() {
        ObjectNode earlier = Samples.load("manifest");
        ObjectNode template = Templates.template(directory.document(DocumentType.MANIFEST), earlier);

        assertThat(template.get("data").has("voyageNo")).isFalse();
        assertThat(template.get("data").get("bills").get(0).has("billNo")).isFalse();
        assertThat(template.get("data").get("bills").get(0).has("containers")).isFalse();
        assertThat(template.get("data").get("bills").get(0).get("consigneeName"))
                .isEqualTo(earlier.get("data").get("bills").get(0).get("consigneeName"));
        assertThat(template.get("data").get("transportMeans")).isEqualTo(earlier.get("data").get("transportMeans"));
    }

    @Test
    void every_document_type_should_name_its_client_reference_first_among_what_is_not_copied() {
        for (DocumentType type : DocumentType.values()) {
            assertThat(directory.document(type).notCopied()).as(type.name()).startsWith("clientReference");
        }
    }
}
