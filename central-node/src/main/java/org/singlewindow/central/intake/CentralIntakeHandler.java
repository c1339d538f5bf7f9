package org.singlewindow.central.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.singlewindow.central.agency.AgencyRequests;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.DispatchNotice;
import org.singlewindow.node.attachment.AttachmentTravel;
import org.singlewindow.node.attachment.Attachments;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationStore;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.TransientFailure;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.status.RoutingDecision;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.InboundHandler;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Central: a declaration arrives from a province. Within the inbox transaction: store it
 * ({@link DeclarationStore}), route it to the agencies the rules select (each request carrying only its granted
 * fields; the decision is kept with each agency's row), and send the origin province a dispatch notice. The
 * declarant's signature is verified again, as it stood when the province accepted the document (the acceptance time
 * its signed envelope states; a certificate that expired or was revoked while the message waited does not undo it),
 * and kept with that time; a document whose files (sent ahead from their upload) are not all in yet waits, retried
 * ({@code ATTACHMENT_PENDING}); a message that fails is parked in the dead-letter queue, never processed. A follow-up
 * route (one that waits for another agency's receipt) is recorded as PENDING now, so the declaration cannot
 * complete without it, and sent by {@link org.singlewindow.central.agency.ReceiptService}.
 */
@Component
public class CentralIntakeHandler implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(CentralIntakeHandler.class);

    private final DeclarationStore store;
    private final StatusService status;
    private final RoutingService routing;
    private final AgencyRequests requests;
    private final Outbox outbox;
    private final NodeProperties node;
    private final Clock clock;
    private final DocumentSignatures signatures;
    private final Attachments attachments;
    private final AttachmentTravel travel;

    public CentralIntakeHandler(DeclarationStore store, StatusService status, RoutingService routing,
                                AgencyRequests requests, Outbox outbox, NodeProperties node, Clock clock,
                                DocumentSignatures signatures, Attachments attachments, AttachmentTravel travel) {
        this.attachments = attachments;
        this.travel = travel;
        this.store = store;
        this.status = status;
        this.routing = routing;
        this.requests = requests;
        this.outbox = outbox;
        this.node = node;
        this.clock = clock;
        this.signatures = signatures;
    }

    @Override
    public MessageType messageType() {
        return MessageType.DECLARATION;
    }

    @Override
    public void apply(Envelope envelope) {
        String id = envelope.declarationId();
        JsonNode document = envelope.payload();
        String uscc = document.path("declarant").path("uscc").asString();
        String signer = envelope.submittedBy() != null ? envelope.submittedBy() : uscc;
        Instant acceptedAt = signatures.acceptedAt(envelope.createdAt());
        String signature = signatures.verifyAcceptedAt(document, envelope.documentSignature(), signer, acceptedAt);
        java.util.Set<String> owners = new java.util.LinkedHashSet<>(java.util.Arrays.asList(uscc,
                envelope.submittedBy()));
        if (!travel.allHere(document, owners)) {
            throw new TransientFailure("ATTACHMENT_PENDING", "a file the document names is still on its way");
        }
        store.receive(new DeclarationStore.Received(id, envelope.documentType(), document, uscc,
                        envelope.originProvince(), envelope.submittedBy(), null),
                new DeclarationStore.Signed(signature, signer, acceptedAt),
                new DeclarationStore.Audited("node:" + envelope.sender(), "RECEIVED", envelope.documentType().name()),
                List.of(new DeclarationStore.Step(envelope.sender(), "sent by " + envelope.sender(),
                                envelope.createdAt()),
                        new DeclarationStore.Step(node.code(), "received at central", clock.instant())));

        attachments.link(id, document, 1, owners);
        List<DispatchNotice.RoutedAgency> routed = new ArrayList<>();
        for (RuleMatch route : routing.matches(envelope.documentType(), document)) {
            String agency = route.destination().code();
            status.routed(id, agency, RoutingDecision.of(route));
            routed.add(new DispatchNotice.RoutedAgency(agency, route.ruleId()));
            if (route.followUp()) {
                log.info("declaration {} will go to {} by rule {} once {} reports {}", id, agency, route.ruleId(),
                        route.after().agency(), route.after().status());
            } else {
                requests.send(id, envelope.documentType(), envelope.originProvince(), document, route, List.of(),
                        signature, envelope.submittedBy());
            }
        }
        String agencies = String.join(", ", routed.stream().map(DispatchNotice.RoutedAgency::agency).toList());
        status.status(id, OverallStatus.FORWARDED, "routed to " + agencies);
        outbox.send(Destination.province(envelope.originProvince()), MessageType.DISPATCH_NOTICE,
                new Outbox.About(id, envelope.documentType(), envelope.originProvince()), new DispatchNotice(routed));
    }
}
