package org.singlewindow.federation.intake;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.eport.DecMessageLayout;
import org.singlewindow.contracts.eport.DecMessageMapper;
import org.singlewindow.contracts.eport.SafeXml;
import org.singlewindow.contracts.eport.XmlElement;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.federation.support.StandardSamples;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.XmlDsig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.SH;

/** Goods declarations as E-Port XML: accepted like JSON, receipts readable as XML, hostile XML refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class XmlIntakeTest {

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    @Test
    void a_decmessage_should_be_accepted_mapped_and_its_receipts_readable_as_xml() {
        String xml = new String(StandardSamples.bytes("goods-declaration.xml"), StandardCharsets.UTF_8)
                .replace("ACME-XML-0001", "X-" + UUID.randomUUID().toString().substring(0, 12));
        HttpResponse<String> response = post("application/xml", xml);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        JsonNode done = new StandardDeclarations(federation).awaitFinal(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("document").at("/data/items/0/licences/0/number").asString()).isEqualTo("26-AA-000002");
        assertThat(done.get("document").at("/data/containers/0/number").asString()).isEqualTo("CSQU3054383");

        HttpResponse<String> receipts = receiptsXml(id);
        assertThat(receipts.statusCode()).isEqualTo(200);
        assertThat(receipts.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(receipts.body()).contains("<DecResults", "<DEC_RESULT><CUSTOM_MASTER>2201</CUSTOM_MASTER><D_DATE>",
                "<AGENCY>GACC</AGENCY><STATUS>RELEASED</STATUS><CHANNEL>800</CHANNEL>", "<STATUS>COMPLETED</STATUS>");
    }

    @Test
    void a_decmessage_in_the_whole_e_port_layout_should_be_accepted_unchanged_and_reach_customs_with_every_field() {
        String xml = new String(StandardSamples.bytes("goods-declaration-eport.xml"), StandardCharsets.UTF_8)
                .replace("ACME-XML-0002", "X-" + UUID.randomUUID().toString().substring(0, 12));
        HttpResponse<String> response = post("application/xml", xml);
        JsonNode atCustoms = completedAtCustoms(response);
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        JsonNode mapped = new DecMessageMapper().read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(atCustoms.toString()).as("customs gets every field of the XML").isEqualTo(mapped.toString());
        String receipts = receiptsXml(id).body();
        assertThat(receipts).as("the E-Port receipt layout").contains("<CUS_CIQ_NO>201800000000123456</CUS_CIQ_NO>"
                + "<CUSTOM_MASTER>2201</CUSTOM_MASTER><I_E_DATE>20261128</I_E_DATE><D_DATE>");
        for (String field : List.of("/data/seqNo", "/data/preEntryId", "/data/ieDate", "/data/ownerParty/uscc",
                "/data/cutMode", "/data/wrapType", "/data/freight/amount", "/data/insurance/mark",
                "/data/items/0/firstQuantity", "/data/items/0/secondUnit", "/data/items/0/dutyMode",
                "/data/containers/0/spec", "/data/containers/0/goodsItems", "/data/declarationSign/signature",
                "/data/electronicDocuments/0/id", "/data/requestedCertificates/0/code", "/data/otherPackages/0/quantity")) {
            assertThat(atCustoms.at(field).isMissingNode()).as(field).isFalse();
        }
    }

    /**
     * The file with every element of the layout, signed as {@code deploy/pki.sh sign} signs it (the XML's mapped
     * document, X-SW-Signature), submitted once; then one test per part: a value the fixture fills in that part is at
     * customs, as the XML gave it.
     */
    @TestFactory
    Stream<DynamicTest> a_filled_value_of_every_part_should_reach_customs() {
        String xml = new String(StandardSamples.bytes("goods-declaration-eport.xml"), StandardCharsets.UTF_8)
                .replace("ACME-XML-0002", "P-" + UUID.randomUUID().toString().substring(0, 12));
        HttpResponse<String> response = federation.post(federation.url(SH) + "/api/v1/declarations", token(),
                "application/xml", xml, federation.signers().signatureBy("91310115MA1H7G0X0M", xml));
        JsonNode atCustoms = completedAtCustoms(response);
        XmlElement root = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        return DecMessageLayout.standard().parts().stream().map(part -> DynamicTest.dynamicTest(part.name(), () -> {
            XmlElement at = first(root, part);
            Map.Entry<String, String> filled = part.fields().entrySet().stream()
                    .filter(e -> at.child(e.getKey()).filter(c -> !c.text().isEmpty()).isPresent()).findFirst()
                    .orElseThrow(() -> new AssertionError("the fixture fills nothing in " + part.name()));
            String pointer = pointer(part) + (filled.getValue().isEmpty() ? "/data/currency"
                    : "/" + filled.getValue().replace('.', '/'));
            String given = at.child(filled.getKey()).orElseThrow().text();
            assertThat(atCustoms.at(pointer).isMissingNode()).as(part.name() + "/" + filled.getKey() + " at " + pointer)
                    .isFalse();
            assertThat(atCustoms.at(pointer).isNumber() ? atCustoms.at(pointer).decimalValue().toPlainString()
                    : DecMessageMapper.xmlValue(filled.getKey(), atCustoms.at(pointer).asString()))
                    .as(part.name() + "/" + filled.getKey()).isEqualTo(given);
        }));
    }

    /** The document customs got for a submission that was accepted (202) and reached COMPLETED. */
    private JsonNode completedAtCustoms(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        assertThat(new StandardDeclarations(federation).awaitFinal(id).get("status").asString())
                .isEqualTo("COMPLETED");
        return Json.MAPPER.readTree(Ministries.callsFor(federation.gacc, id).get(0).getBodyAsString()).get("document");
    }

    /** The first element of a part in a DecMessage. */
    private static XmlElement first(XmlElement root, DecMessageLayout.Part part) {
        XmlElement parent = part.parent().equals(DecMessageLayout.ROOT) ? root : first(root, DecMessageLayout.standard()
                .parts().stream().filter(p -> p.name().equals(part.parent())).findFirst().orElseThrow());
        XmlElement holder = part.wrapper() == null ? parent : parent.child(part.wrapper()).orElseThrow();
        return holder.child(part.name()).orElseThrow();
    }

    /** The JSON pointer of a part's first entry ("" for a single part, whose paths start at the root). */
    private static String pointer(DecMessageLayout.Part part) {
        if (!part.repeated()) {
            return "";
        }
        String parent = part.parent().equals(DecMessageLayout.ROOT) ? "" : pointer(DecMessageLayout.standard().parts()
                .stream().filter(p -> p.name().equals(part.parent())).findFirst().orElseThrow());
        return parent + "/" + part.array().replace('.', '/') + "/0";
    }

    @Test
    void declarant_software_asking_for_xml_should_get_the_e_port_import_response() {
        String reference = "X-" + UUID.randomUUID().toString().substring(0, 12);
        String xml = new String(StandardSamples.bytes("goods-declaration-eport.xml"), StandardCharsets.UTF_8)
                .replace("ACME-XML-0002", reference);
        String signature = federation.signers().signature(new DecMessageMapper().read(xml.getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/declarations"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/xml")
                .header("Accept", "application/xml").header(DocumentSignatures.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(xml));
        HttpResponse<String> first = federation.send(request.build());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        String id = first.headers().firstValue("Location").orElseThrow().replace("/api/v1/declarations/", "");
        assertThat(first.body()).contains("<DecImportResponse", "<ResponseCode>0</ResponseCode>",
                "<ClientSeqNo>" + reference + "</ClientSeqNo>", "<SeqNo>" + id + "</SeqNo>");
        HttpResponse<String> again = federation.send(request.build());
        assertThat(again.statusCode()).as("the same message again is the same declaration").isEqualTo(200);
        assertThat(again.body()).contains("<SeqNo>" + id + "</SeqNo>", "duplicate");
    }

    @Test
    void a_dxp_envelope_should_be_unwrapped() {
        ObjectNode json = StandardSamples.load("goods-declaration-export");
        String dxp = new DecMessageMapper().toDxp(json, "MSG-" + UUID.randomUUID(), "DXPENT0000000001", "2026-11-27T10:00:00");
        HttpResponse<String> response = post("text/xml", dxp);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode view = Json.MAPPER.readTree(response.body());
        assertThat(view.get("clientReference").asString()).isEqualTo(json.get("clientReference").asString());
    }

    @Test
    void the_mapping_of_a_decmessage_should_be_the_document_its_signature_covers_and_store_nothing() {
        int before = stored();
        String xml = new String(StandardSamples.bytes("goods-declaration.xml"), StandardCharsets.UTF_8)
                .replace("ACME-XML-0001", "X-" + UUID.randomUUID().toString().substring(0, 12));
        String mapping = federation.url(SH) + "/api/v1/declarations/mapping";
        HttpResponse<String> mapped = federation.post(mapping, token(), "application/xml", xml);
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
        JsonNode document = Json.MAPPER.readTree(mapped.body());
        assertThat(document.toString()).isEqualTo(new DecMessageMapper().read(xml.getBytes(StandardCharsets.UTF_8))
                .toString());
        assertThat(stored()).as("a mapping stores nothing").isEqualTo(before);

        HttpResponse<String> submitted = federation.post(federation.url(SH) + "/api/v1/declarations", token(),
                "application/xml", xml, federation.signers().signature(document));
        assertThat(submitted.statusCode()).as("signed over its mapping: " + submitted.body()).isEqualTo(202);

        HttpResponse<String> unmappable = federation.post(mapping, token(), "application/xml",
                xml.replace("</DecHead>", "<Unmapped>x</Unmapped></DecHead>"));
        assertThat(unmappable.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(unmappable.body()).get("errors").get(0).get("path").asString())
                .isEqualTo("/DecMessage/DecHead/Unmapped");
        assertThat(federation.post(mapping, null, "application/xml", xml).statusCode()).isEqualTo(401);
    }

    @Test
    void xxe_and_billion_laughs_should_get_400_and_store_nothing() {
        int before = stored();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<DecMessage><DecHead><NoteS>&x;</NoteS></DecHead></DecMessage>";
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><DecMessage><DecHead><NoteS>&lol9;</NoteS></DecHead></DecMessage>");
        for (String hostile : new String[]{xxe, bomb.toString()}) {
            HttpResponse<String> response = post("application/xml", hostile);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = Json.MAPPER.readTree(response.body());
            assertThat(problem.get("code").asString()).isIn("XML_UNSAFE", "XML_MALFORMED");
            assertThat(response.body()).doesNotContain("root:");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void an_xml_declaration_with_bad_values_should_name_the_json_fields_and_elements() {
        String xml = new String(StandardSamples.bytes("goods-declaration.xml"), StandardCharsets.UTF_8)
                .replace("<GUnit>001</GUnit>", "<GUnit>1</GUnit>").replace("<Secret/>", "")
                .replace("</DecHead>", "<Unmapped>x</Unmapped></DecHead>");
        HttpResponse<String> response = post("application/xml", xml);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("XML_UNMAPPABLE");
        assertThat(problem.get("errors").get(0).get("path").asString()).isEqualTo("/DecMessage/DecHead/Unmapped");

        String badUnit = xml.replace("<Unmapped>x</Unmapped>", "");
        JsonNode invalid = Json.MAPPER.readTree(post("application/xml", badUnit).body());
        assertThat(invalid.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.get("errors").get(0).get("path").asString()).isEqualTo("$.data.items[0].unit");
        assertThat(invalid.get("errors").get(0).get("elementId").asString()).isEqualTo("UNIT_OF_MEASURE");
    }

    @Test
    void a_decmessage_signed_eport_style_should_be_verified_at_both_nodes_and_reach_customs_with_its_signed_xml()
            throws Exception {
        String xml = new String(StandardSamples.bytes("goods-declaration.xml"), StandardCharsets.UTF_8)
                .replace("ACME-XML-0001", "X-" + UUID.randomUUID().toString().substring(0, 12));
        byte[] signed = federation.signers().xmlSignedBy(Samples.ACME_SH, xml);
        HttpResponse<String> response = federation.post(federation.url(SH) + "/api/v1/declarations", token(),
                "application/xml", new String(signed, StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        assertThat(new StandardDeclarations(federation).awaitFinal(id).get("status").asString())
                .isEqualTo("COMPLETED");
        JsonNode atCustoms = Json.MAPPER.readTree(Ministries.callsFor(federation.gacc, id).get(0).getBodyAsString());
        String carried = atCustoms.get("documentSignature").asString();
        assertThat(carried).startsWith("xmldsig:");
        byte[] xmlAtCustoms = Base64.getDecoder().decode(carried.substring("xmldsig:".length()));
        var root = Pem.certificate(Files.readString(federation.dir.resolve("pki/ca.pem")));
        assertThat(XmlDsig.verify(xmlAtCustoms, root, null, Instant.now()).subject().identifier())
                .isEqualTo(Samples.ACME_SH);
    }

    @Test
    void an_altered_or_foreign_signed_decmessage_should_get_400_with_the_reason_and_store_nothing() {
        int before = stored();
        String xml = new String(StandardSamples.bytes("goods-declaration.xml"), StandardCharsets.UTF_8)
                .replace("ACME-XML-0001", "X-" + UUID.randomUUID().toString().substring(0, 12));
        String signed = new String(federation.signers().xmlSignedBy(Samples.ACME_SH, xml), StandardCharsets.UTF_8);
        assertThat(signed).contains("<GName>便携式计算机</GName>");
        String altered = signed.replace("<GName>便携式计算机</GName>", "<GName>台式计算机</GName>");
        String byAnother = new String(federation.signers().xmlSignedBy(Samples.OTHER_SH, xml), StandardCharsets.UTF_8);
        assertThat(code(federation.post(federation.url(SH) + "/api/v1/declarations", token(), "application/xml",
                altered, null))).isEqualTo("SIGNATURE_INVALID");
        assertThat(code(federation.post(federation.url(SH) + "/api/v1/declarations", token(), "application/xml",
                byAnother, null))).isEqualTo("SIGNER_MISMATCH");
        assertThat(stored()).isEqualTo(before);
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return Json.MAPPER.readTree(response.body()).get("code").asString();
    }

    /** Posts XML signed by its declarant: the signature is over the canonical form of the mapped document. */
    private HttpResponse<String> post(String contentType, String body) {
        String signature = null;
        try {
            signature = federation.signers().signature(new DecMessageMapper().read(body.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException unmappable) {
            // hostile or unmappable XML goes unsigned: the node refuses it before any signature check
        }
        return federation.post(federation.url(SH) + "/api/v1/declarations", token(), contentType, body, signature);
    }

    /** A declaration's receipts as E-Port style XML. */
    private HttpResponse<String> receiptsXml(String id) {
        return federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/declarations/" + id
                + "/receipts")).header("Authorization", "Bearer " + token()).header("Accept", "application/xml")
                .GET().build());
    }

    private String token() {
        return federation.token("sh-acme");
    }

    private int stored() {
        return federation.db(SH).queryForObject("select count(*) from declaration", Integer.class);
    }
}
