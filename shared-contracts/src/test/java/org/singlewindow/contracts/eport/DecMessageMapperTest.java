package org.singlewindow.contracts.eport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

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
        assertThat(Directory.standard().validator().validate(json, mapper.notCarried())).isEmpty();
        assertThat(mapper.notCarried()).as("required in JSON, no element in the layout")
                .containsExactlyInAnyOrder("data.overseasParty.country", "data.items[].licences[].type");
        assertThat(Directory.standard().validator().validate(json)).as("the JSON API still asks for them")
                .extracting(v -> v.path()).containsExactly("$.data.overseasParty.country",
                        "$.data.items[0].licences[0].type");
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
    void a_decmessage_with_every_element_of_the_layout_should_be_accepted_unchanged_and_come_back_the_same()
            throws IOException {
        byte[] xml = Files.readAllBytes(SAMPLES.resolve("goods-declaration-eport.xml"));
        Set<String> written = paths(SafeXml.parse(xml), "");
        for (DecMessageLayout.Part part : DecMessageLayout.standard().parts()) {
            String at = "/" + String.join("/", placeOf(part));
            assertThat(written).as("the fixture writes every element of " + part.name())
                    .containsAll(part.fields().keySet().stream().map(e -> at + "/" + e).toList());
            assertThat(leaves(SafeXml.parse(xml), "")).as("the fixture fills something in " + part.name())
                    .anyMatch(leaf -> leaf.startsWith(at + "/"));
        }
        ObjectNode json = mapper.read(xml);
        assertThat(Directory.standard().validator().validate(json, mapper.notCarried())).isEmpty();
        assertThat(json.at("/data/entryId").isMissingNode()).as("empty elements are absent").isTrue();
        assertThat(json.at("/data/ieDate").asString()).isEqualTo("2026-11-28");
        assertThat(json.at("/data/freight/amount").decimalValue()).isEqualByComparingTo("350");
        assertThat(json.at("/data/overseasParty/name").asString()).isEqualTo("ACME Corp");
        assertThat(json.at("/data/overseasConsignor/address").asString()).isEqualTo("1 Harbor Way, Los Angeles, CA");
        assertThat(json.at("/data/inspection/orgCode").asString()).isEqualTo("310000");
        assertThat(json.at("/data/items/0/ciq/name").asString()).isEqualTo("笔记本电脑");
        assertThat(json.at("/data/items/0/licences/0/vins/0/vin").asString()).isEqualTo("LSVAU2180N2183294");
        assertThat(json.at("/data/promises/0/materialCode").asString()).isEqualTo("101040");
        assertThat(json.at("/data/royaltyFee/feeType").asString()).isEqualTo("0");
        assertThat(json.at("/data/users").size()).isEqualTo(1);
        String back = mapper.toXml(json);
        assertThat(leaves(SafeXml.parse(back.getBytes(StandardCharsets.UTF_8)), ""))
                .as("every element with a value comes back with that value, and nothing else")
                .isEqualTo(leaves(SafeXml.parse(xml), ""));
        assertThat(mapper.read(back.getBytes(StandardCharsets.UTF_8))).isEqualTo(json);
    }

    @Test
    void another_spelling_seen_should_be_read_as_its_element_and_written_as_that_one() {
        String xml = "<DecMessage><DecHead><FreightMark>3</FreightMark><FreightRate>350</FreightRate></DecHead>"
                + "<DecCopPromises><DecCopPromise><DeclaratioMaterialCode>101040</DeclaratioMaterialCode>"
                + "</DecCopPromise></DecCopPromises></DecMessage>";
        ObjectNode json = mapper.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(json.at("/data/freight/amount").decimalValue()).isEqualByComparingTo("350");
        assertThat(json.at("/data/promises/0/materialCode").asString()).isEqualTo("101040");
        assertThat(mapper.toXml(json)).contains("<FeeMark>3</FeeMark>", "<FeeRate>350</FeeRate>",
                "<DeclarationMaterialCode>101040</DeclarationMaterialCode>").doesNotContain("Freight");
        String twice = "<DecMessage><DecHead><FeeMark>3</FeeMark><FreightMark>1</FreightMark></DecHead></DecMessage>";
        assertThatThrownBy(() -> mapper.read(twice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.problems()).extracting(v -> v.path()
                        + " " + v.code()).containsExactly("/DecMessage/DecHead/FreightMark DUPLICATE_ELEMENT"));
    }

    @Test
    void empty_elements_entries_and_transit_parts_should_be_absent_and_a_transit_part_with_values_refused_by_name() {
        String xml = "<DecMessage><DeclId/><DecHead><IEFlag>I</IEFlag><UUID></UUID></DecHead>"
                + "<DecContainers><Container><ContainerId/><ContainerMd/></Container></DecContainers>"
                + "<DecUsers><DecUser><UseOrgPersonCode/></DecUser></DecUsers><DecRoyaltyFee><Curr/></DecRoyaltyFee>"
                + "<TrnHead><TrnPreId/></TrnHead><TrnList/></DecMessage>";
        ObjectNode json = mapper.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(json.at("/data").propertyNames()).containsExactly("direction");
        String transit = "<DecMessage><DecHead><IEFlag>I</IEFlag></DecHead><TrnHead><TrnPreId>1</TrnPreId></TrnHead>"
                + "<TrnContainers><TrnContainer><ContaNo>CSQU3054383</ContaNo></TrnContainer></TrnContainers></DecMessage>";
        assertThatThrownBy(() -> mapper.read(transit.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.problems()).extracting(v -> v.path()
                        + " " + v.code()).containsExactly("/DecMessage/TrnHead NOT_SUPPORTED",
                        "/DecMessage/TrnContainers NOT_SUPPORTED"));
    }

    /** Where a part's elements are written: DecMessage, its wrappers and its parents. */
    private static java.util.List<String> placeOf(DecMessageLayout.Part part) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!part.parent().equals(DecMessageLayout.ROOT)) {
            out.addAll(placeOf(DecMessageLayout.standard().parts().stream()
                    .filter(p -> p.name().equals(part.parent())).findFirst().orElseThrow()));
        } else {
            out.add(DecMessageLayout.ROOT);
        }
        if (part.wrapper() != null) {
            out.add(part.wrapper());
        }
        out.add(part.name());
        return out;
    }

    /** Every element's path. */
    private static Set<String> paths(XmlElement element, String at) {
        Set<String> out = new java.util.TreeSet<>();
        String path = at + "/" + element.name();
        out.add(path);
        element.children().forEach(child -> out.addAll(paths(child, path)));
        return out;
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
        assertThat(CanonicalJson.canonicalize(back)).isEqualTo(CanonicalJson.canonicalize(RoundTrips.carriedByXml(json)));
        assertThat(mapper.toXml(back)).isEqualTo(xml);
    }

    @Test
    void an_enveloped_signature_should_be_left_out_only_when_the_caller_verifies_it() throws IOException {
        String xml = Files.readString(SAMPLES.resolve("goods-declaration.xml")).replace("</DecMessage>",
                "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/>"
                        + "<ds:SignatureValue>c2lnbmF0dXJl</ds:SignatureValue></ds:Signature>"
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
                .isEqualTo(CanonicalJson.canonicalize(RoundTrips.carriedByXml(json)));
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
        String xml = "<DecMessage><DecHead><IEFlag>I</IEFlag><Secret>x</Secret><OverseasCountry>USA</OverseasCountry>"
                + "<DeclarationKind>SUMMARY</DeclarationKind></DecHead>"
                + "<DecLists><DecList><GNo>1</GNo><TradeCurr>USD</TradeCurr></DecList>"
                + "<DecList><GNo>2</GNo><TradeCurr>EUR</TradeCurr></DecList></DecLists><Extra>1</Extra>"
                + "<EdocRealation><EdocID>E1</EdocID><EdocHash>x</EdocHash></EdocRealation>"
                + "<TrnHead><TrnPreId>1</TrnPreId></TrnHead></DecMessage>";
        assertThatThrownBy(() -> mapper.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.problems())
                        .extracting(v -> v.path() + " " + v.code()).containsExactlyInAnyOrder(
                                "/DecMessage/Extra UNKNOWN_ELEMENT", "/DecMessage/DecHead/Secret UNKNOWN_ELEMENT",
                                "/DecMessage/DecHead/OverseasCountry UNKNOWN_ELEMENT",
                                "/DecMessage/DecHead/DeclarationKind UNKNOWN_ELEMENT",
                                "/DecMessage/EdocRealation[1]/EdocHash UNKNOWN_ELEMENT",
                                "/DecMessage/TrnHead NOT_SUPPORTED",
                                "/DecMessage/DecLists/DecList[2]/TradeCurr CURRENCY_MISMATCH"));
    }

    @Test
    void a_dxp_data_that_is_not_base64_should_be_refused() {
        String dxp = "<DxpMsg xmlns=\"" + DecMessageMapper.DXP_NS + "\"><TransInfo/><Data>%%%</Data></DxpMsg>";
        assertThatThrownBy(() -> mapper.read(dxp.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.code()).isEqualTo("XML_UNMAPPABLE"));
    }
}
