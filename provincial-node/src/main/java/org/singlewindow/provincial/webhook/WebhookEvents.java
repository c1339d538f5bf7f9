package org.singlewindow.provincial.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.persistence.AfterCommit;
import org.singlewindow.node.status.EventObserver;
import org.singlewindow.node.status.EventRow;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a declaration's events into deliveries, in the transaction that records the event (so a delivery exists
 * exactly when its event does, whatever crashes): a status change ({@code STATUS}), an agency's receipt
 * ({@code RECEIPT}) or a step of an amendment or cancellation ({@code CHANGE}), for each endpoint of the declarant
 * that wants that type. One event id for all its deliveries; the sender wakes after the commit.
 */
@Component
class WebhookEvents implements EventObserver {

    static final Set<String> TYPES = Set.of("STATUS", "RECEIPT", "CHANGE");

    private final WebhookMapper webhooks;
    private final WebhookSender sender;
    private final NodeProperties node;
    private final Clock clock;

    WebhookEvents(WebhookMapper webhooks, WebhookSender sender, NodeProperties node, Clock clock) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void appended(EventRow event) {
        if (!TYPES.contains(event.kind())) {
            return;
        }
        List<SubscriptionRow> wanting = webhooks.subscriptionsFor(event.declarationId()).stream()
                .filter(s -> s.wants(event.kind())).toList();
        if (wanting.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        String payload = Json.MAPPER.writeValueAsString(payload(eventId, event));
        Instant now = clock.instant();
        for (SubscriptionRow subscription : wanting) {
            webhooks.insertDelivery(new DeliveryRow(null, subscription.id(), eventId, event.declarationId(),
                    event.kind(), payload, "PENDING", 0, now, null, null, now, null));
        }
        AfterCommit.once(sender, sender::wakeUp);
    }

    private ObjectNode payload(String eventId, EventRow event) {
        Map<String, Object> facts = webhooks.facts(event.declarationId());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("eventId", eventId);
        body.put("type", event.kind());
        body.put("node", node.code());
        body.put("declarationId", event.declarationId());
        body.put("documentType", String.valueOf(value(facts, "document_type")));
        body.put("clientReference", String.valueOf(value(facts, "client_reference")));
        body.put("status", event.status());
        body.put("agency", event.agency());
        body.put("code", event.code());
        body.put("detail", event.detail());
        body.put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        return body;
    }

    /** A column of a map row, whatever case the database gave its name. */
    private static Object value(Map<String, Object> row, String column) {
        if (row == null) {
            return null;
        }
        Object value = row.get(column);
        return value != null ? value : row.get(column.toUpperCase(Locale.ROOT));
    }
}
