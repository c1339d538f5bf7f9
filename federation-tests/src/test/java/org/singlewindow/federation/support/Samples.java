package org.singlewindow.federation.support;

import java.util.UUID;

import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Goods declarations for tests, built from the public contract's example. */
public final class Samples {

    /** USCCs of the demo declarants (valid GB 32100-2015 check characters). */
    public static final String ACME_SH = "91310115MA1H7G0X0M";
    public static final String OTHER_SH = "91310000132200821H";
    public static final String PEARL_GD = "91440300MA5F2B3K1X";

    private static final String TEMPLATE = """
            {
              "documentType": "GOODS_DECLARATION",
              "clientReference": "REF",
              "declarant": {"uscc": "USCC"},
              "data": {
                "direction": "IMPORT",
                "declarationCustoms": "2201",
                "portCustoms": "2201",
                "tradeMode": "0110",
                "transportMode": "2",
                "billOfLading": "COSU6263821470",
                "consigneeConsignor": {"uscc": "USCC", "name": "上海某某进出口有限公司"},
                "overseasParty": {"name": "ACME Corp", "country": "USA"},
                "tradeCountry": "USA",
                "currency": "USD",
                "remarks": "",
                "items": [
                  {"seq": 1, "hsCode": "8471300000", "name": "便携式计算机", "quantity": 10, "unit": "001",
                   "unitPrice": 1200.00, "totalPrice": 12000.00, "originCountry": "USA",
                   "licences": [{"type": "AUTO_IMPORT", "number": "26-AA-000001"}]}
                ]
              }
            }
            """;

    private Samples() {
    }

    /** A valid declaration of {@code uscc} with a fresh client reference and one licensed item. */
    public static ObjectNode declaration(String uscc) {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(TEMPLATE.replace("USCC", uscc)
                .replace("REF", "T-" + UUID.randomUUID().toString().substring(0, 18)));
        return root;
    }

    public static ObjectNode remarks(ObjectNode declaration, String remarks) {
        ((ObjectNode) declaration.get("data")).put("remarks", remarks);
        return declaration;
    }

    public static ObjectNode portCustoms(ObjectNode declaration, String district) {
        ((ObjectNode) declaration.get("data")).put("portCustoms", district);
        return declaration;
    }

    public static ObjectNode withoutLicences(ObjectNode declaration) {
        for (var item : (ArrayNode) declaration.get("data").get("items")) {
            ((ObjectNode) item).remove("licences");
        }
        return declaration;
    }

    public static String json(ObjectNode node) {
        return Json.MAPPER.writeValueAsString(node);
    }
}
