package org.singlewindow.node.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Posts an agency request through the agency's Camel HTTP route and reads the synchronous answer
 * {@code {"receipts":[{"status","code","message","receiptId"?,"occurredAt"?}]}}. A receipt without an id gets
 * {@code <messageId>:<status>}, stable across repeated calls.
 */
@Component
class AgencyHttp {

    static final String MESSAGE_ID_HEADER = "X-Message-Id";
    static final String CALLBACK_HEADER = "X-Callback-Url";

    private final ProducerTemplate producer;
    private final NodeProperties node;
    private final Clock clock;

    AgencyHttp(ProducerTemplate producer, NodeProperties node, Clock clock) {
        this.producer = producer;
        this.node = node;
        this.clock = clock;
    }

    List<AgencyReceipt> post(String agency, AgencyRequest request) {
        String answer = producer.requestBodyAndHeaders(AgencyLinkRoutes.httpEndpoint(agency),
                Json.MAPPER.writeValueAsString(request), Map.of(
                        MESSAGE_ID_HEADER, request.messageId(),
                        CALLBACK_HEADER, node.publicUrl().resolve("/api/v1/agency-receipts").toString()),
                String.class);
        Instant now = clock.instant();
        List<AgencyReceipt> receipts = new ArrayList<>();
        receipts.add(new AgencyReceipt(request.messageId() + ":DELIVERED", request.declarationId(), agency,
                AgencyStatus.DELIVERED, null, "delivered to " + agency, now));
        JsonNode body = answer == null || answer.isBlank() ? null : Json.MAPPER.readTree(answer);
        if (body != null && body.path("receipts").isArray()) {
            for (JsonNode r : body.get("receipts")) {
                AgencyStatus status = AgencyStatus.valueOf(r.path("status").asString());
                String receiptId = r.path("receiptId").asString(request.messageId() + ":" + status.name());
                Instant at = r.hasNonNull("occurredAt") ? Instant.parse(r.get("occurredAt").asString()) : now;
                receipts.add(new AgencyReceipt(receiptId, request.declarationId(), agency, status,
                        r.path("code").asString(null), r.path("message").asString(null), at));
            }
        }
        return receipts;
    }
}
