package org.singlewindow.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every document type: its samples validate; broken copies are refused naming the right elements. */
class StandardDocumentsTest {

    private final DocumentValidator validator = Directory.standard().validator();

    static List<String> samples() {
        return Samples.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void every_sample_should_be_valid(String name) {
        assertThat(validator.validate(Samples.load(name))).isEmpty();
    }

    @Test
    void there_should_be_a_sample_for_every_document_type() {
        assertThat(samples().stream().map(Samples::load).map(s -> s.get("documentType").asString()).distinct())
                .containsExactlyInAnyOrderElementsOf(Stream.of(DocumentType.values()).map(Enum::name).toList());
    }

    /** A broken copy of a sample: the sample, a JSON merge patch to apply, and the violations expected. */
    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("goods-declaration-complete", "{\"data\":{\"summaryDeclarationId\":null}}",
                        List.of("$.data.summaryDeclarationId REQUIRED DECLARATION_ID")),
                Arguments.of("goods-declaration-summary", "{\"data\":{\"summaryDeclarationId\":\"" + Samples.SOME_ID + "\"}}",
                        List.of("$.data.summaryDeclarationId NOT_ALLOWED DECLARATION_ID")),
                Arguments.of("goods-declaration", "{\"data\":{\"netWeight\":400,\"containers\":[{\"number\":\"CSQU3054384\"}],"
                        + "\"foreignPort\":\"XXABC\"}}", List.of("$.data.netWeight EXCEEDS NET_WEIGHT",
                        "$.data.containers[0].number CHECK_CHARACTER CONTAINER_NUMBER",
                        "$.data.foreignPort CODE_UNKNOWN PORT")),
                Arguments.of("manifest", "{\"data\":{\"totalPackages\":51,\"transportMeans\":{\"imoNumber\":null},"
                        + "\"loadingPort\":\"uslax\"}}", List.of("$.data.totalPackages TOTAL_MISMATCH PACKAGE_COUNT",
                        "$.data.transportMeans.imoNumber REQUIRED IMO_NUMBER", "$.data.loadingPort CODE_UNKNOWN PORT")),
                Arguments.of("manifest", "{\"data\":{\"transportMeans\":{\"imoNumber\":\"9074728\"},\"bills\":[]}}",
                        List.of("$.data.transportMeans.imoNumber CHECK_CHARACTER IMO_NUMBER", "$.data.bills MIN_ITEMS BILL")),
                Arguments.of("transport-means", "{\"data\":{\"departureTime\":\"2026-11-27T06:00:00+08:00\","
                        + "\"crewCount\":-1,\"grossTonnage\":null}}", List.of("$.data.departureTime DATE_ORDER DEPARTURE_TIME",
                        "$.data.crewCount RANGE CREW_COUNT", "$.data.grossTonnage REQUIRED GROSS_TONNAGE")),
                Arguments.of("transport-means-aircraft", "{\"data\":{\"registration\":null,\"departureTime\":\"28/11/2026\"}}",
                        List.of("$.data.registration REQUIRED CONVEYANCE_ID", "$.data.departureTime FORMAT DEPARTURE_TIME")),
                Arguments.of("licence-application", "{\"data\":{\"licenceType\":\"PERMIT\",\"tradeMode\":\"0111\","
                        + "\"items\":[{\"seq\":1,\"hsCode\":\"847130\",\"name\":\"x\",\"quantity\":1,\"unit\":\"999\","
                        + "\"unitPrice\":2,\"totalPrice\":3}]}}", List.of("$.data.licenceType CODE_UNKNOWN LICENCE_TYPE",
                        "$.data.tradeMode CODE_UNKNOWN TRADE_MODE", "$.data.items[0].hsCode FORMAT COMMODITY_CODE",
                        "$.data.items[0].unit CODE_UNKNOWN UNIT_OF_MEASURE", "$.data.items[0].totalPrice TOTAL_MISMATCH ITEM_AMOUNT")),
                Arguments.of("origin-certificate", "{\"data\":{\"issuingAuthority\":\"CCPIT\",\"importingCountry\":\"JPN\","
                        + "\"invoiceDate\":\"2026-12-01\"}}", List.of("$.data.issuingAuthority NOT_ALLOWED ISSUING_AUTHORITY",
                        "$.data.importingCountry NOT_ALLOWED COUNTRY", "$.data.departureDate DATE_ORDER DEPARTURE_DATE")),
                Arguments.of("origin-certificate-ccpit", "{\"data\":{\"items\":[{\"seq\":1,\"hsCode\":\"8516500000\","
                        + "\"name\":\"微波炉\",\"quantity\":1,\"unit\":\"001\",\"totalPrice\":1}]}}",
                        List.of("$.data.items[0].originCriterion REQUIRED ORIGIN_CRITERION")),
                Arguments.of("enterprise-qualification", "{\"declarant\":{\"uscc\":\"91310115MA1H7G0X0A\"},"
                        + "\"data\":{\"qualificationType\":\"CUSTOMS_BROKER\",\"registeredCapital\":null,\"establishedDate\":\"2016-02-30\","
                        + "\"extra\":1}}", List.of("$.declarant.uscc CHECK_CHARACTER ENTERPRISE_USCC",
                        "$.data.registeredCapital REQUIRED REGISTERED_CAPITAL",
                        "$.data.establishedDate FORMAT ESTABLISHED_DATE", "$.data.extra UNKNOWN_FIELD null")),
                Arguments.of("tax-rebate", "{\"data\":{\"rebateAmount\":16250.01,\"taxPeriod\":\"202613\","
                        + "\"exportDeclarationId\":\"not-an-id\"}}", List.of("$.data.rebateAmount EXCEEDS TAX_AMOUNT",
                        "$.data.taxPeriod FORMAT TAX_PERIOD", "$.data.exportDeclarationId FORMAT DECLARATION_ID")),
                Arguments.of("tax-payment", "{\"data\":{\"totalAmount\":10000,\"currency\":\"USD\","
                        + "\"payer\":{\"bankCode\":\"1022\"}}}", List.of("$.data.totalAmount TOTAL_MISMATCH TAX_AMOUNT",
                        "$.data.currency CODE_UNKNOWN PAYMENT_CURRENCY", "$.data.payer.bankCode FORMAT BANK_CODE")),
                Arguments.of("tax-payment", "{\"documentType\":\"TAX_REFUND\"}", List.of("$.documentType CODE_UNKNOWN DOCUMENT_TYPE")));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void broken_samples_should_be_refused_naming_every_offending_element(String sample, String patch,
                                                                         List<String> expected) {
        ObjectNode document = Samples.load(sample);
        merge(document, Json.MAPPER.readTree(patch));
        List<Violation> found = validator.validate(document);
        assertThat(found).extracting(v -> v.path() + " " + v.code() + " " + v.elementId())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(found).allSatisfy(v -> {
            assertThat(v.messageZh()).isNotBlank();
            assertThat(v.messageEn()).isNotBlank();
        });
    }

    /** RFC 7386 JSON merge patch, in place. */
    static void merge(ObjectNode target, JsonNode patch) {
        for (var e : patch.properties()) {
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}
