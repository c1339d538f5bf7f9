package org.singlewindow.central.agency;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyReceiptValidator;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.signature.AgencySignatures;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/agency-receipts} (central): an agency posts a processing result later, signed by the agency
 * ({@code X-SW-Signature}: detached CMS, SM3withSM2, over the canonical JSON of the body; 400 with the reason
 * otherwise). The agency is the one the caller's credentials speak for; a body naming another agency is refused. 202 for a new receipt, 200
 * for one recorded before.
 */
@RestController
@RequestMapping("/api/v1/agency-receipts")
public class AgencyReceiptController {

    private final ReceiptService receipts;
    private final AgencyReceiptValidator validator = new AgencyReceiptValidator();
    private final NodeProperties node;
    private final Clock clock;
    private final AgencySignatures signatures;

    public AgencyReceiptController(ReceiptService receipts, NodeProperties node, Clock clock,
                                   AgencySignatures signatures) {
        this.signatures = signatures;
        this.receipts = receipts;
        this.node = node;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = Caller.from(authentication);
        if (caller.agency() == null || caller.agency().isEmpty()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NOT_AN_AGENCY", "Not an agency", "非口岸部门",
                    "only agency clients may post receipts", "只有口岸部门客户端可以回执");
        }
        JsonNode body = RequestBodies.read(request, node.intake().maxBodySize());
        AgencyReceipt receipt = parse(body, caller.agency());
        AgencySignatures.Signed signed = signatures.verify(body, request.getHeader(DocumentSignatures.HEADER),
                caller.agency());
        boolean created = receipts.record(List.of(receipt), signed) > 0;
        return ResponseEntity.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(Map.of("receiptId", receipt.receiptId(), "duplicate", !created));
    }

    private AgencyReceipt parse(JsonNode json, String agency) {
        if (json.hasNonNull("agency") && !agency.equals(json.get("agency").asString())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "AGENCY_MISMATCH", "Not your agency", "非本部门",
                    "your credentials speak for " + agency, "您的凭证只代表 " + agency);
        }
        List<Violation> errors = validator.validate(json);
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "VALIDATION_FAILED", "Invalid receipt", "回执数据有误",
                    errors.size() + " field(s) are invalid; see errors", errors.size() + " 个字段有误，详见 errors", errors);
        }
        return new AgencyReceipt(json.get("receiptId").asString(), json.get("declarationId").asString(), agency,
                AgencyStatus.valueOf(json.get("status").asString()), optional(json, "code"), optional(json, "message"),
                json.hasNonNull("occurredAt") ? Instant.parse(json.get("occurredAt").asString()) : clock.instant());
    }

    private static String optional(JsonNode json, String name) {
        return json.hasNonNull(name) ? json.get(name).asString() : null;
    }
}
