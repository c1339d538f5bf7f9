package org.singlewindow.contracts.eport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DecMessageMapperTest {

    static final Path SAMPLES = Path.of("..", "deploy", "local", "samples");
    private final DecMessageMapper mapper = new DecMessageMapper();

    @Test
    void the_decmessage_sample_should_map_to_a_valid_goods_declaration() throws IOException {
        ObjectNode json = mapper.read(Files.readAllBytes(SAMPLES.resolve("goods-declaration.xml")));
        assertThat(Directory.standard().validator().validate(json)).isEmpty();
        assertThat(json.at("/data/direction").asString()).isEqualTo("IMPORT");
        assertThat(json.at("/declarant/uscc").asString()).isEqualTo("91310115MA1H7G0X0M");
        assertThat(json.at("/clientReference").asString()).isEqualTo("ACME-XML-0001");
        assertThat(json.at("/data/currency").asString()).isEqualTo("USD");
        assertThat(json.at("/data/items/0/totalPrice").decimalValue()).isEqualByComparingTo("6000");
        assertThat(json.at("/data/items/0/licences/0/number").asString()).isEqualTo("26-AA-000002");
        assertThat(json.at("/data/containers/0/number").asString()).isEqualTo("CSQU3054383");
        assertThat(json.at("/data/voyageNo").asString()).isEqualTo("045E");
        assertThat(json.at("/data/packages").isInt()).isTrue();
    }

    @Test
    void a_decmessage_in_the_whole_e_port_layout_should_map_every_element_and_come_back_the_same()
            throws IOException {
        byte[] xml = Files.readAllBytes(SAMPLES.resolve("goods-declaration-eport.xml"));
        ObjectNode json = mapper.read(xml);
        assertThat(Directory.standard().validator().validate(json)).isEmpty();
        assertThat(json.at("/data/seqNo").asString()).isEqualTo("201800000000123456");
        assertThat(json.at("/data/preEntryId").asString()).isEqualTo("220120261000012345");
        assertThat(json.at("/data/entryId").isMissingNode()).as("empty elements are absent").isTrue();
        assertThat(json.at("/data/ieDate").asString()).isEqualTo("2026-11-28");
        assertThat(json.at("/data/ownerParty/uscc").asString()).isEqualTo("91310115MA1H7G0X0M");
        assertThat(json.at("/data/cutMode").asString()).isEqualTo("101");
        assertThat(json.at("/data/wrapType").asString()).isEqualTo("22");
        assertThat(json.at("/data/freight/mark").asString()).isEqualTo("3");
        assertThat(json.at("/data/freight/amount").decimalValue()).isEqualByComparingTo("350");
        assertThat(json.at("/data/freight/currency").asString()).isEqualTo("USD");
        assertThat(json.at("/data/insurance/amount").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(json.at("/data/items/0/firstUnit").asString()).isEqualTo("001");
        assertThat(json.at("/data/items/0/secondQuantity").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(json.at("/data/items/0/dutyMode").asString()).isEqualTo("1");
        assertThat(json.at("/data/containers/0/spec").asString()).isEqualTo("11");
        assertThat(json.at("/data/containers/0/goodsItems").asString()).isEqualTo("1");
        assertThat(json.at("/data/yardCode").asString()).isEqualTo("2201A001");
        assertThat(json.at("/data/declarationSign/operationType").asString()).isEqualTo("G");
        assertThat(json.at("/data/declarationSign/certificateNumber").asString()).isEqualTo("0123456789ABCDEF");
        assertThat(json.at("/data/electronicDocuments/0/code").asString()).isEqualTo("00000001");
        assertThat(json.at("/data/electronicDocuments/0/size").intValue()).isEqualTo(48213);
        assertThat(json.at("/data/requestedCertificates/0/originals").intValue()).isEqualTo(1);
        assertThat(json.at("/data/otherPackages/0/wrapType").asString()).isEqualTo("92");
        assertThat(leaves(SafeXml.parse(mapper.toXml(json).getBytes(StandardCharsets.UTF_8)), ""))
                .as("every element with a value comes back with that value")
                .containsAll(leaves(SafeXml.parse(xml), ""));
    }

    /** Every element with text, as {@code /path=text}. */
    private static java.util.Set<String> leaves(XmlElement element, String at) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        String path = at + "/" + element.name();
        if (element.children().isEmpty() && !element.text().isEmpty()) {
            out.add(path + "=" + element.text());
        }
        element.children().forEach(child -> out.addAll(leaves(child, path)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"goods-declaration", "goods-declaration-export", "goods-declaration-summary",
            "goods-declaration-complete"})
    void json_samples_should_survive_xml_and_back_without_loss(String sample) throws IOException {
        JsonNode json = Json.MAPPER.readTree(Files.readString(SAMPLES.resolve(sample + ".json"))
                .replace("${SUMMARY_ID}", "3f2b8c1e-9d4a-4e2f-8b6c-1a2b3c4d5e6f"));
        String xml = mapper.toXml(json);
        ObjectNode back = mapper.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalJson.canonicalize(back)).isEqualTo(CanonicalJson.canonicalize(RoundTrips.withoutEmptyText(json)));
        assertThat(mapper.toXml(back)).isEqualTo(xml);
    }

    @Test
    void an_enveloped_signature_should_be_left_out_only_when_the_caller_verifies_it() throws IOException {
        String xml = Files.readString(SAMPLES.resolve("goods-declaration.xml")).replace("</DecMessage>",
                "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature>"
                        + "</DecMessage>");
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(mapper.read(bytes, true)).isEqualTo(mapper.read(Files.readAllBytes(SAMPLES.resolve(
                "goods-declaration.xml"))));
        assertThatThrownBy(() -> mapper.read(bytes)).isInstanceOfSatisfying(XmlRejected.class,
                e -> assertThat(e.problems().get(0).path()).isEqualTo("/DecMessage/Signature"));
        String dxp = mapper.toDxp(mapper.read(bytes, true), "MSG-2", "DXPENT0000000001", "2026-11-27T10:00:00");
        assertThat(mapper.read(DecMessageMapper.decMessageBytes(dxp.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(mapper.read(dxp.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_dxp_envelope_should_carry_the_declaration_in_its_data() throws IOException {
        JsonNode json = Json.MAPPER.readTree(Files.readString(SAMPLES.resolve("goods-declaration-export.json")));
        String dxp = mapper.toDxp(json, "MSG-1", "DXPENT0000000001", "2026-11-27T10:00:00");
        assertThat(dxp).contains("<DxpMsg", "<CopMsgId>MSG-1</CopMsgId>", "<Data>");
        assertThat(CanonicalJson.canonicalize(mapper.read(dxp.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(CanonicalJson.canonicalize(RoundTrips.withoutEmptyText(json)));
    }

    @Test
    void external_entities_should_be_refused_before_anything_is_read() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<DecMessage><DecHead><NoteS>&x;</NoteS></DecHead></DecMessage>";
        assertThatThrownBy(() -> mapper.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.code()).isIn("XML_UNSAFE", "XML_MALFORMED"))
                .hasMessageNotContaining("root:");
    }

    @Test
    void billion_laughs_should_be_refused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = dtd + "]><DecMessage><DecHead><NoteS>&lol9;</NoteS></DecHead></DecMessage>";
        assertThatThrownBy(() -> mapper.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.code()).isIn("XML_UNSAFE", "XML_MALFORMED"));
    }

    @Test
    void deep_nesting_should_be_refused() {
        String deep = "<DecMessage>" + "<a>".repeat(40) + "</a>".repeat(40) + "</DecMessage>";
        assertThatThrownBy(() -> mapper.read(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.code()).isEqualTo("XML_TOO_LARGE"));
    }

    @Test
    void elements_outside_the_mapping_should_be_named_not_dropped() {
        String xml = "<DecMessage><DecHead><IEFlag>I</IEFlag><Secret>x</Secret></DecHead>"
                + "<DecLists><DecList><GNo>1</GNo><TradeCurr>USD</TradeCurr></DecList>"
                + "<DecList><GNo>2</GNo><TradeCurr>EUR</TradeCurr></DecList></DecLists><Extra/>"
                + "<EdocRealation><EdocID>E1</EdocID><EdocHash>x</EdocHash></EdocRealation>"
                + "<TrnHead><TrnPreId>1</TrnPreId></TrnHead></DecMessage>";
        assertThatThrownBy(() -> mapper.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.problems())
                        .extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                                "/DecMessage/Extra UNKNOWN_ELEMENT", "/DecMessage/DecHead/Secret UNKNOWN_ELEMENT",
                                "/DecMessage/EdocRealation/EdocHash UNKNOWN_ELEMENT",
                                "/DecMessage/TrnHead UNKNOWN_ELEMENT",
                                "/DecMessage/DecLists/DecList[2]/TradeCurr CURRENCY_MISMATCH"));
    }

    @Test
    void a_dxp_data_that_is_not_base64_should_be_refused() {
        String dxp = "<DxpMsg xmlns=\"" + DecMessageMapper.DXP_NS + "\"><TransInfo/><Data>%%%</Data></DxpMsg>";
        assertThatThrownBy(() -> mapper.read(dxp.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.code()).isEqualTo("XML_UNMAPPABLE"));
    }
}
