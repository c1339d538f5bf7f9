package org.singlewindow.central.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.singlewindow.contracts.directory.AttachmentGrants;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyAttachment;
import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyWork;
import org.singlewindow.node.attachment.AttachmentMapper;
import org.singlewindow.node.attachment.AttachmentRow;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.routing.Destination;
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
    private final AttachmentMapper files;

    public AgencyRequests(Outbox outbox, AgencyRequestMapper sent, Clock clock, AttachmentMapper files) {
        this.files = files;
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
    /**
     * Queues, after a request or change, each attachment the document names that the agency's grant for files
     * covers ({@code attachment-grants.yaml}, the file counterpart of its data subset), all of them or {@code only} those (an amendment's new ones); the link
     * delivers them after the request, in order.
     */
    public void sendFiles(String declarationId, DocumentType type, String originProvince, Destination agency,
                          JsonNode document, java.util.Set<String> only) {
        java.util.Set<String> named = new java.util.HashSet<>();
        document.path("data").path("electronicDocuments").forEach(e -> named.add(e.path("id").asString("")));
        for (AttachmentRow file : files.ofDeclaration(declarationId)) {
            if (file.complete() && named.contains(file.sm3()) && (only == null || only.contains(file.sm3()))
                    && AttachmentGrants.standard().grants(agency.code(), type, file.code())) {
                outbox.send(agency, MessageType.AGENCY_ATTACHMENT, new Outbox.About(declarationId, type,
                        originProvince), new AgencyAttachment(file.sm3(), file.owner(), file.code(), file.fileName(),
                        file.mediaType(), file.size()));
            }
        }
    }

    private static JsonNode agencyWork(JsonNode document, RuleMatch route) {
        return FieldProjection.project(document, route.grant());
    }

    public void send(String declarationId, DocumentType type, String originProvince, JsonNode document, RuleMatch route,
                     List<AgencyReceipt> basedOn, String documentSignature, String submittedBy) {
        boolean whole = route.grant().contains("*");
        String agency = route.destination().code();
        JsonNode granted = agencyWork(document, route);
        Outbox.Sent request = outbox.send(route.destination(), MessageType.AGENCY_REQUEST,
                new Outbox.About(declarationId, type, originProvince),
                new AgencyWork(granted, basedOn, whole ? documentSignature : null, submittedBy));
        sendFiles(declarationId, type, originProvince, route.destination(), document, null);
        Instant now = clock.instant();
        sent.insert(new AgencyRequestRow(request.messageId(), declarationId, agency, request.queue(),
                AgencyRequestRow.seal(request.messageId(), request.json()), now, now, 0));
        log.info("declaration {} routed to {} by rule {} as message {}", declarationId, agency, route.ruleId(),
                request.messageId());
    }
}
