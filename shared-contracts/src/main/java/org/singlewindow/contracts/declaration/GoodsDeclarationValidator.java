package org.singlewindow.contracts.declaration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.JsonNode;

/**
 * Validates a goods declaration given as a JSON tree and returns every violation found (empty when valid).
 * Pure: no I/O, thread-safe.
 */
public final class GoodsDeclarationValidator {

    /** Most items one declaration may carry (the E-Port's limit for one 报关单). */
    public static final int MAX_ITEMS = 50;

    private static final Pattern CUSTOMS = Pattern.compile("\\d{4}");
    private static final Pattern TRADE_MODE = Pattern.compile("\\d{4}");
    private static final Pattern TRANSPORT_MODE = Pattern.compile("[0-9A-Z]");
    private static final Pattern HS_CODE = Pattern.compile("\\d{10}");
    private static final Pattern UNIT = Pattern.compile("\\d{3}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,49}");
    private static final Set<String> LICENCE_TYPES = Arrays.stream(GoodsDeclaration.LicenceType.values())
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final Pattern LICENCE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

    public List<Violation> validate(JsonNode root) {
        Checks c = new Checks();
        if (root == null || !root.isObject()) {
            c.add("$", "TYPE", "请求体应为 JSON 对象", "request body must be a JSON object");
            return c.violations();
        }
        c.onlyKnown(root, "$", Set.of("documentType", "clientReference", "declarant", "data"));
        String type = c.text(root, "documentType", "$.documentType", true, 40);
        if (type != null && !DocumentType.GOODS_DECLARATION.name().equals(type)) {
            c.add("$.documentType", "CODE_UNKNOWN", "单证类型应为 GOODS_DECLARATION",
                    "documentType must be GOODS_DECLARATION");
        }
        c.pattern(root, "clientReference", "$.clientReference", REFERENCE, "字母数字开头、最多 50 位",
                "1-50 letters, digits or ._/- starting with a letter or digit");
        JsonNode declarant = c.object(root, "declarant", "$.declarant");
        if (declarant != null) {
            c.onlyKnown(declarant, "$.declarant", Set.of("uscc", "name"));
            c.uscc(declarant, "uscc", "$.declarant.uscc");
        }
        JsonNode data = c.object(root, "data", "$.data");
        if (data != null) {
            head(c, data);
        }
        return c.violations();
    }

    private static void head(Checks c, JsonNode data) {
        c.onlyKnown(data, "$.data", Set.of("direction", "declarationCustoms", "portCustoms", "tradeMode",
                "transportMode", "billOfLading", "consigneeConsignor", "overseasParty", "tradeCountry", "currency",
                "remarks", "items"));
        String direction = c.text(data, "direction", "$.data.direction", true, 10);
        if (direction != null && !direction.equals("IMPORT") && !direction.equals("EXPORT")) {
            c.add("$.data.direction", "CODE_UNKNOWN", "进出口标志应为 IMPORT 或 EXPORT",
                    "direction must be IMPORT or EXPORT");
        }
        c.pattern(data, "declarationCustoms", "$.data.declarationCustoms", CUSTOMS, "4 位关区代码",
                "a 4-digit customs district code");
        c.pattern(data, "portCustoms", "$.data.portCustoms", CUSTOMS, "4 位关区代码", "a 4-digit customs district code");
        c.pattern(data, "tradeMode", "$.data.tradeMode", TRADE_MODE, "4 位监管方式代码", "a 4-digit trade mode code");
        c.pattern(data, "transportMode", "$.data.transportMode", TRANSPORT_MODE, "1 位运输方式代码",
                "a 1-character transport mode code");
        c.text(data, "billOfLading", "$.data.billOfLading", false, 32);
        JsonNode consignee = c.object(data, "consigneeConsignor", "$.data.consigneeConsignor");
        if (consignee != null) {
            c.onlyKnown(consignee, "$.data.consigneeConsignor", Set.of("uscc", "name"));
            c.uscc(consignee, "uscc", "$.data.consigneeConsignor.uscc");
            c.text(consignee, "name", "$.data.consigneeConsignor.name", true, 100);
        }
        JsonNode overseas = c.object(data, "overseasParty", "$.data.overseasParty");
        if (overseas != null) {
            c.onlyKnown(overseas, "$.data.overseasParty", Set.of("name", "country"));
            c.text(overseas, "name", "$.data.overseasParty.name", true, 100);
            c.code(overseas, "country", "$.data.overseasParty.country", CodeList.COUNTRIES, "国别(地区)",
                    "ISO 3166-1 alpha-3 country");
        }
        c.code(data, "tradeCountry", "$.data.tradeCountry", CodeList.COUNTRIES, "国别(地区)",
                "ISO 3166-1 alpha-3 country");
        c.code(data, "currency", "$.data.currency", CodeList.CURRENCIES, "币制", "ISO 4217 currency");
        c.text(data, "remarks", "$.data.remarks", false, 255);
        items(c, data.get("items"));
    }

    private static void items(Checks c, JsonNode items) {
        if (items == null || items.isNull()) {
            c.required("$.data.items");
            return;
        }
        if (!items.isArray()) {
            c.add("$.data.items", "TYPE", "应为数组", "must be an array");
            return;
        }
        if (items.isEmpty()) {
            c.add("$.data.items", "MIN_ITEMS", "至少需要一项商品", "at least one item is required");
            return;
        }
        if (items.size() > MAX_ITEMS) {
            c.add("$.data.items", "MAX_ITEMS", "商品项不得超过 " + MAX_ITEMS + " 项",
                    "at most " + MAX_ITEMS + " items");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            item(c, items.get(i), "$.data.items[" + i + "]", i + 1);
        }
    }

    private static void item(Checks c, JsonNode item, String path, int expectedSeq) {
        if (!item.isObject()) {
            c.add(path, "TYPE", "应为对象", "must be an object");
            return;
        }
        c.onlyKnown(item, path, Set.of("seq", "hsCode", "name", "quantity", "unit", "unitPrice", "totalPrice",
                "originCountry", "licences"));
        JsonNode seq = item.get("seq");
        if (seq == null || seq.isNull()) {
            c.required(path + ".seq");
        } else if (!seq.isIntegralNumber() || seq.asInt() != expectedSeq) {
            c.add(path + ".seq", "SEQUENCE", "商品序号应为 " + expectedSeq, "item number must be " + expectedSeq);
        }
        c.pattern(item, "hsCode", path + ".hsCode", HS_CODE, "10 位商品编号", "a 10-digit HS commodity code");
        c.text(item, "name", path + ".name", true, 255);
        c.pattern(item, "unit", path + ".unit", UNIT, "3 位计量单位代码", "a 3-digit unit of measure code");
        c.code(item, "originCountry", path + ".originCountry", CodeList.COUNTRIES, "国别(地区)",
                "ISO 3166-1 alpha-3 country");
        BigDecimal quantity = c.decimal(item, "quantity", path + ".quantity", 5, false);
        BigDecimal unitPrice = c.decimal(item, "unitPrice", path + ".unitPrice", 4, false);
        BigDecimal total = c.decimal(item, "totalPrice", path + ".totalPrice", 2, true);
        if (quantity != null && unitPrice != null && total != null) {
            BigDecimal expected = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            if (expected.compareTo(total) != 0) {
                c.add(path + ".totalPrice", "TOTAL_MISMATCH", "总价应等于数量×单价（" + expected.toPlainString() + "）",
                        "totalPrice must equal quantity × unitPrice (" + expected.toPlainString() + ")");
            }
        }
        licences(c, item.get("licences"), path + ".licences");
    }

    private static void licences(Checks c, JsonNode licences, String path) {
        if (licences == null || licences.isNull()) {
            return;
        }
        if (!licences.isArray()) {
            c.add(path, "TYPE", "应为数组", "must be an array");
            return;
        }
        for (int i = 0; i < licences.size(); i++) {
            JsonNode licence = licences.get(i);
            String p = path + "[" + i + "]";
            if (!licence.isObject()) {
                c.add(p, "TYPE", "应为对象", "must be an object");
                continue;
            }
            c.onlyKnown(licence, p, Set.of("type", "number"));
            String type = c.text(licence, "type", p + ".type", true, 20);
            if (type != null && !LICENCE_TYPES.contains(type)) {
                c.add(p + ".type", "CODE_UNKNOWN", "许可证类型应为 AUTO_IMPORT、IMPORT_LICENCE 或 EXPORT_LICENCE",
                        "licence type must be AUTO_IMPORT, IMPORT_LICENCE or EXPORT_LICENCE");
            }
            c.pattern(licence, "number", p + ".number", LICENCE_NUMBER, "最多 32 位字母数字", "up to 32 letters, digits or -");
        }
    }
}
