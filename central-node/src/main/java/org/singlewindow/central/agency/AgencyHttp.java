package org.singlewindow.central.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.singlewindow.central.CentralProperties;
import org.singlewindow.contracts.change.Decision;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.exchange.AgencyAttachment;
import org.singlewindow.contracts.exchange.AgencyChange;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.signature.AgencySignatures;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP link every configured agency starts with: posts the request to {@code sw.agencies.<CODE>.url} through
 * Camel's HTTP component, signed by central ({@code X-SW-Signature}, {@link AgencyRequestSignatures}), and reads the
 * synchronous answer {@code {"receipts":[{"status","code","message","receiptId"?,"occurredAt"?}]}}, signed by the
 * agency in the response header {@code X-SW-Signature} over {@link #answered the answer bound to the request}
 * (verified before anything is recorded: a bad signature fails the delivery). A receipt without an id gets
 * {@code <messageId>:<status>}, stable across repeated calls. A 4xx answer fails the delivery for good, a 5xx or no
 * answer for now (the shared error policy tells them apart).
 */
@Component
class AgencyHttp {

    static final String MESSAGE_ID_HEADER = "X-Message-Id";
    static final String CALLBACK_HEADER = "X-Callback-Url";

    private final ProducerTemplate producer;
    private final NodeProperties node;
    private final Clock clock;
    private final AgencySignatures signatures;
    private final AgencyRequestSignatures requestSignatures;

    AgencyHttp(ProducerTemplate producer, NodeProperties node, Clock clock, AgencySignatures signatures,
               AgencyRequestSignatures requestSignatures) {
        this.producer = producer;
        this.node = node;
        this.clock = clock;
        this.signatures = signatures;
        this.requestSignatures = requestSignatures;
    }

    /** The HTTP link to {@code agency} as configured. */
    AgencyLink linkTo(String agency, CentralProperties.Agency config) {
        long timeout = config.timeout().toMillis();
        String endpoint = config.url() + "?throwExceptionOnFailure=true&connectTimeout=" + timeout
                + "&responseTimeout=" + timeout;
        String changesEndpoint = config.url() + "/changes?throwExceptionOnFailure=true&connectTimeout=" + timeout
                + "&responseTimeout=" + timeout;
        String filesEndpoint = config.url() + "/attachments?throwExceptionOnFailure=true&connectTimeout=" + timeout
                + "&responseTimeout=" + timeout;
        return new AgencyLink() {
            @Override
            public String agency() {
                return agency;
            }

            @Override
            public AgencyAnswer deliver(AgencyRequest request) {
                return post(agency, endpoint, request);
            }

            @Override
            public AgencyDecision decide(AgencyChange change) {
                return postChange(agency, changesEndpoint, change);
            }

            @Override
            public void deliverFile(String declarationId, String messageId, AgencyAttachment file,
                                    java.io.InputStream content) {
                postFile(agency, filesEndpoint, declarationId, messageId, file, content);
            }
        };
    }

    /**
     * Posts a change to {@code <url>/changes} and reads the agency's signed decision
     * {@code {"decision": "APPROVED"|"REFUSED", "code", "message"}}; an answer without a valid decision or signature
     * fails the delivery.
     */
    private AgencyDecision postChange(String agency, String endpoint, AgencyChange change) {
        Exchange exchange = call(agency, endpoint, Json.MAPPER.valueToTree(change), change.messageId());
        String answer = exchange.getMessage().getBody(String.class);
        JsonNode body = answer == null || answer.isBlank() ? null : Json.MAPPER.readTree(answer);
        Decision decision = body == null ? null : switch (body.path("decision").asString("")) {
            case "APPROVED" -> Decision.APPROVED;
            case "REFUSED" -> Decision.REFUSED;
            default -> null;
        };
        if (decision == null) {
            throw new PermanentFailure("AGENCY_ANSWER_INVALID", agency + " answered a change without a decision");
        }
        signatures.verify(AgencySignatures.answered(change.declarationId(), change.messageId(), body),
                exchange.getMessage().getHeader(DocumentSignatures.HEADER, String.class), agency);
        return new AgencyDecision(decision, body.path("code").asString(null), body.path("message").asString(null));
    }

    /**
     * Posts an attachment's bytes to {@code <url>/attachments}, streamed (never whole in memory) with their length
     * stated (not chunked: a receiver can size its buffer), its id (SM3), code and name in headers; any 2xx takes it.
     */
    private void postFile(String agency, String endpoint, String declarationId, String messageId,
                          AgencyAttachment file, java.io.InputStream content) {
        Exchange exchange = producer.send(endpoint, e -> {
            e.getMessage().setBody(new InputStreamEntity(content, file.size(), ContentType.parse(file.mediaType())));
            e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, file.mediaType());
            e.getMessage().setHeader(MESSAGE_ID_HEADER, messageId);
            e.getMessage().setHeader("X-SW-Declaration-Id", declarationId);
            e.getMessage().setHeader("X-SW-Attachment-Id", file.sm3());
            e.getMessage().setHeader("X-SW-Attachment-Code", file.code());
            e.getMessage().setHeader("X-SW-File-Name", java.net.URLEncoder.encode(file.fileName(),
                    java.nio.charset.StandardCharsets.UTF_8));
        });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("file to " + agency + " failed: " + exchange.getException().getMessage(),
                    exchange, exchange.getException());
        }
    }

    private Exchange call(String agency, String endpoint, JsonNode requestTree, String messageId) {
        String nodeSignature = requestSignatures.sign(requestTree);
        Exchange exchange = producer.send(endpoint, e -> {
            e.getMessage().setBody(Json.MAPPER.writeValueAsString(requestTree));
            e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
            if (nodeSignature != null) {
                e.getMessage().setHeader(DocumentSignatures.HEADER, nodeSignature);
            }
            e.getMessage().setHeader(MESSAGE_ID_HEADER, messageId);
            e.getMessage().setHeader(CALLBACK_HEADER, node.publicUrl().resolve("/api/v1/agency-receipts").toString());
        });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("call to " + agency + " failed", exchange, exchange.getException());
        }
        return exchange;
    }

    private AgencyAnswer post(String agency, String endpoint, AgencyRequest request) {
        Exchange exchange = call(agency, endpoint, Json.MAPPER.valueToTree(request), request.messageId());
        String answer = exchange.getMessage().getBody(String.class);
        Instant now = clock.instant();
        List<AgencyReceipt> receipts = new ArrayList<>();
        receipts.add(new AgencyReceipt(request.messageId() + ":DELIVERED", request.declarationId(), agency,
                AgencyStatus.DELIVERED, null, "delivered to " + agency, now));
        JsonNode body = answer == null || answer.isBlank() ? null : Json.MAPPER.readTree(answer);
        AgencySignatures.Signed signed = null;
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

    /** What an agency signs when it answers this request ({@link AgencySignatures#answered}). */
    static JsonNode answered(AgencyRequest request, JsonNode answer) {
        return AgencySignatures.answered(request.declarationId(), request.messageId(), answer);
    }
}
