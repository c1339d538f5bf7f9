package org.singlewindow.central.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.signature.ReceiptSignatures;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts an agency request, signed by this node ({@code X-SW-Signature}: central's SM2 key over the RFC 8785 form,
 * so an agency can prove what central sent it, subset or not), through the agency's Camel HTTP route and reads the
 * synchronous answer
 * {@code {"receipts":[{"status","code","message","receiptId"?,"occurredAt"?}]}}, signed by the agency in the
 * response header {@code X-SW-Signature} over {@link #answered the answer bound to the request} (verified before
 * anything is recorded: a bad signature fails the delivery). A receipt without an id gets {@code <messageId>:<status>}, stable across repeated calls.
 */
@Component
class AgencyHttp {

    static final String MESSAGE_ID_HEADER = "X-Message-Id";
    static final String CALLBACK_HEADER = "X-Callback-Url";

    private final ProducerTemplate producer;
    private final NodeProperties node;
    private final Clock clock;
    private final ReceiptSignatures signatures;
    private final AgencyRequestSignatures requestSignatures;

    AgencyHttp(ProducerTemplate producer, NodeProperties node, Clock clock, ReceiptSignatures signatures,
               AgencyRequestSignatures requestSignatures) {
        this.requestSignatures = requestSignatures;
        this.signatures = signatures;
        this.producer = producer;
        this.node = node;
        this.clock = clock;
    }

    AgencyAnswer post(String agency, AgencyRequest request) {
        JsonNode requestTree = Json.MAPPER.valueToTree(request);
        String nodeSignature = requestSignatures.sign(requestTree);
        Exchange exchange = producer.send(AgencyLinkRoutes.httpEndpoint(agency), e -> {
            e.getMessage().setBody(Json.MAPPER.writeValueAsString(requestTree));
            if (nodeSignature != null) {
                e.getMessage().setHeader(DocumentSignatures.HEADER, nodeSignature);
            }
            e.getMessage().setHeader(MESSAGE_ID_HEADER, request.messageId());
            e.getMessage().setHeader(CALLBACK_HEADER, node.publicUrl().resolve("/api/v1/agency-receipts").toString());
        });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("call to " + agency + " failed", exchange, exchange.getException());
        }
        String answer = exchange.getMessage().getBody(String.class);
        Instant now = clock.instant();
        List<AgencyReceipt> receipts = new ArrayList<>();
        receipts.add(new AgencyReceipt(request.messageId() + ":DELIVERED", request.declarationId(), agency,
                AgencyStatus.DELIVERED, null, "delivered to " + agency, now));
        JsonNode body = answer == null || answer.isBlank() ? null : Json.MAPPER.readTree(answer);
        ReceiptSignatures.Signed signed = null;
        if (body != null && body.path("receipts").isArray() && !body.get("receipts").isEmpty()) {
            signed = signatures.verify(answered(request, body),
                    exchange.getMessage().getHeader(DocumentSignatures.HEADER, String.class), agency);
        }
        if (body != null && body.path("receipts").isArray()) {
            for (JsonNode r : body.get("receipts")) {
                AgencyStatus status = AgencyStatus.valueOf(r.path("status").asString());
                String receiptId = r.path("receiptId").asString(request.messageId() + ":" + status.name());
                Instant at = r.hasNonNull("occurredAt") ? Instant.parse(r.get("occurredAt").asString()) : now;
                receipts.add(new AgencyReceipt(receiptId, request.declarationId(), agency, status,
                        r.path("code").asString(null), r.path("message").asString(null), at));
            }
        }
        return new AgencyAnswer(receipts, signed);
    }

    /**
     * What an agency signs when it answers: its answer together with the request it answers
     * ({@code {"answer", "declarationId", "messageId"}}), so a signed answer cannot be replayed for another request.
     */
    static JsonNode answered(AgencyRequest request, JsonNode answer) {
        ObjectNode signed = Json.MAPPER.createObjectNode();
        signed.set("answer", answer);
        signed.put("declarationId", request.declarationId());
        signed.put("messageId", request.messageId());
        return signed;
    }
}
