package org.singlewindow.contracts.eport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON ⇄ DecMessage XML loses nothing: for generated goods declarations (text with XML's special characters,
 * Chinese and spaces; decimals of every scale the directory allows; optional groups present or not), JSON → XML →
 * JSON gives the same document and XML → JSON → XML the same XML.
 */
class DecMessageRoundTripTest {

    private final DecMessageMapper mapper = new DecMessageMapper();

    @Property(tries = 300)
    void json_to_xml_and_back_should_lose_nothing(@ForAll("declarations") ObjectNode declaration) {
        String xml = mapper.toXml(declaration);
        ObjectNode back = mapper.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalJson.canonicalize(back))
                .isEqualTo(CanonicalJson.canonicalize(RoundTrips.carriedByXml(declaration)));
        assertThat(mapper.toXml(back)).isEqualTo(xml);
    }

    @Provide
    Arbitrary<ObjectNode> declarations() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars("<>&\"' -/货物申报上海").ofMinLength(0).ofMaxLength(24);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999999"))
                .ofScale(2);
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.00001"),
                new BigDecimal("9999999")).ofScale(5);
        Arbitrary<ObjectNode> item = Combinators.combine(text, quantity, amount, Arbitraries.of(true, false))
                .as((name, qty, total, licensed) -> {
                    ObjectNode i = Json.MAPPER.createObjectNode();
                    i.put("hsCode", "8471300000").put("name", name).put("quantity", qty).put("unit", "035")
                            .put("unitPrice", new BigDecimal("1.2345")).put("totalPrice", total)
                            .put("originCountry", "VNM");
                    if (licensed) {
                        i.putArray("licences").addObject().put("type", "IMPORT_LICENCE").put("number", name.isEmpty() ? "L1" : "L-" + name.length());
                    }
                    return i;
                });
        Arbitrary<List<ObjectNode>> items = item.list().ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(text, text, Arbitraries.of("IMPORT", "EXPORT"), items, Arbitraries.integers().between(1, 99999),
                        amount, Arbitraries.of(true, false))
                .as((reference, remarks, direction, lines, packages, weight, containers) -> {
                    ObjectNode d = Json.MAPPER.createObjectNode();
                    d.put("documentType", "GOODS_DECLARATION").put("clientReference", "R" + reference);
                    d.putObject("declarant").put("uscc", "91310115MA1H7G0X0M").put("name", remarks);
                    ObjectNode data = d.putObject("data");
                    data.put("direction", direction).put("declarationCustoms", "2201").put("portCustoms", "5301")
                            .put("tradeMode", "0110").put("transportMode", "2").put("billOfLading", reference)
                            .put("tradeCountry", "VNM").put("currency", "CNY").put("remarks", remarks)
                            .put("packages", packages).put("grossWeight", weight);
                    data.putObject("consigneeConsignor").put("uscc", "91310115MA1H7G0X0M").put("name", "上海 & <某>");
                    data.putObject("overseasParty").put("name", remarks + "Ltd").put("country", "VNM");
                    ArrayNode out = data.putArray("items");
                    for (int i = 0; i < lines.size(); i++) {
                        ObjectNode line = lines.get(i).deepCopy();
                        line.put("seq", i + 1);
                        out.add(line);
                    }
                    if (containers) {
                        data.putArray("containers").addObject().put("number", "CSQU3054383");
                        data.putArray("attachedDocuments").addObject().put("code", "1").put("number", reference + "X");
                    }
                    return d;
                });
    }

}
