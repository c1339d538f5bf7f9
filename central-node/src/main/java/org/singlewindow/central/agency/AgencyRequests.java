package org.singlewindow.central.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyWork;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.routing.FieldProjection;
import org.singlewindow.routing.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Central: queues one agency request through the outbox, the document cut to the route's grant, inside the
 * caller's transaction, and keeps it ({@code agency_request}) until the agency's part is final, for
 * {@link StaleRequests} to ask again. Used at intake for first-round routes and by receipts for follow-up routes.
 */
@Component
public class AgencyRequests {

    private static final Logger log = LoggerFactory.getLogger(AgencyRequests.class);

    private final Outbox outbox;
    private final AgencyRequestMapper sent;
    private final Clock clock;

    public AgencyRequests(Outbox outbox, AgencyRequestMapper sent, Clock clock) {
        this.outbox = outbox;
        this.sent = sent;
        this.clock = clock;
    }

    /**
     * @param documentSignature the declarant's signature of the whole document; it goes along only when the route
     *                          grants the whole document (a subset cannot be checked against it)
     * @param submittedBy       the customs broker that submitted for the declarant (null: the declarant itself);
     *                          every agency learns both identities
     */
    public void send(String declarationId, DocumentType type, String originProvince, JsonNode document, RuleMatch route,
                     List<AgencyReceipt> basedOn, String documentSignature, String submittedBy) {
        boolean whole = route.grant().contains("*");
        String agency = route.destination().code();
        Outbox.Sent request = outbox.send(route.destination(), MessageType.AGENCY_REQUEST,
                new Outbox.About(declarationId, type, originProvince),
                new AgencyWork(FieldProjection.project(document, route.grant()), basedOn,
                        whole ? documentSignature : null, submittedBy));
        Instant now = clock.instant();
        sent.insert(new AgencyRequestRow(request.messageId(), declarationId, agency, request.queue(),
                AgencyRequestRow.seal(request.messageId(), request.json()), now, now, 0));
        log.info("declaration {} routed to {} by rule {} as message {}", declarationId, agency, route.ruleId(),
                request.messageId());
    }
}
