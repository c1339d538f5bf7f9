package org.singlewindow.node.agency;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.web.ApiException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/agency-receipts} (central): an agency posts a processing result later. The agency is the
 * one the caller's credentials speak for; a body naming another agency is refused. 202 for a new receipt, 200
 * for one recorded before.
 */
@RestController
@RequestMapping("/api/v1/agency-receipts")
@ConditionalOnProperty(name = "sw.role", havingValue = "CENTRAL")
public class AgencyReceiptController {

    private final ReceiptService receipts;
    private final Clock clock;

    public AgencyReceiptController(ReceiptService receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(@RequestBody byte[] body, Authentication authentication)
            throws IOException {
        Caller caller = Caller.from(authentication);
        if (caller.agency() == null || caller.agency().isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_AN_AGENCY", "Not an agency", "非口岸部门",
                    "only agency clients may post receipts", "只有口岸部门客户端可以回执");
        }
        AgencyReceipt receipt = parse(body, caller.agency());
        boolean created = receipts.record(List.of(receipt)) > 0;
        return ResponseEntity.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(Map.of("receiptId", receipt.receiptId(), "duplicate", !created));
    }

    private AgencyReceipt parse(byte[] body, String agency) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed JSON", "JSON 格式错误",
                    "the body is not well-formed JSON", "请求体不是格式正确的 JSON");
        }
        List<Violation> errors = new ArrayList<>();
        String receiptId = text(json, "receiptId", 120, errors);
        String declarationId = text(json, "declarationId", 36, errors);
        String statusText = text(json, "status", 20, errors);
        AgencyStatus status = null;
        if (statusText != null) {
            try {
                status = AgencyStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("$.status", "CODE_UNKNOWN", "未知的回执状态", "unknown receipt status"));
            }
        }
        if (json.hasNonNull("agency") && !agency.equals(json.get("agency").asString())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "AGENCY_MISMATCH", "Not your agency", "非本部门",
                    "your credentials speak for " + agency, "您的凭证只代表 " + agency);
        }
        Instant occurredAt = clock.instant();
        if (json.hasNonNull("occurredAt")) {
            try {
                occurredAt = Instant.parse(json.get("occurredAt").asString());
            } catch (DateTimeParseException e) {
                errors.add(new Violation("$.occurredAt", "FORMAT", "应为 ISO-8601 时间", "must be an ISO-8601 instant"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid receipt", "回执数据有误",
                    errors.size() + " field(s) are invalid; see errors", errors.size() + " 个字段有误，详见 errors", errors);
        }
        return new AgencyReceipt(receiptId, declarationId, agency, status, textOrNull(json, "code"),
                textOrNull(json, "message"), occurredAt);
    }

    private static String text(JsonNode json, String name, int max, List<Violation> errors) {
        JsonNode node = json.get(name);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            errors.add(new Violation("$." + name, "REQUIRED", "必填字段缺失", "required field is missing"));
            return null;
        }
        if (node.asString().length() > max) {
            errors.add(new Violation("$." + name, "TOO_LONG", "长度不得超过 " + max, "at most " + max + " characters"));
            return null;
        }
        return node.asString();
    }

    private static String textOrNull(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isValueNode()) {
            return null;
        }
        String value = node.asString();
        return value.length() > 500 ? value.substring(0, 500) : value;
    }
}
