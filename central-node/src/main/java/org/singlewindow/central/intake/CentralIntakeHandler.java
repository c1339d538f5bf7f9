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
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Envelopes;
import org.singlewindow.node.transport.InboundHandler;
import org.singlewindow.routing.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Central: a declaration arrives from a province. Within the inbox transaction: store, route to the agencies
 * the rules select (each request carrying only its granted fields), and a dispatch notice for the origin
 * province. The declarant's signature is verified again, as it stood when the province accepted the document (the
 * acceptance time its signed envelope states; a certificate that expired or was revoked while the message waited
 * does not undo it), and kept with that time; a message that fails is parked in the dead-letter queue, never
 * processed. A follow-up route (one that waits for another agency's receipt) is recorded as PENDING now, so the
 * declaration cannot complete without it, and sent by {@link org.singlewindow.central.agency.ReceiptService}.
 */
@Component
public class CentralIntakeHandler implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(CentralIntakeHandler.class);

    private final DeclarationMapper declarations;
    private final StatusService status;
    private final RoutingService routing;
    private final AgencyRequests requests;
    private final Outbox outbox;
    private final Envelopes envelopes;
    private final EnvelopeCodec codec;
    private final QueueNames queues;
    private final NodeProperties node;
    private final Clock clock;
    private final AuditLog audit;
    private final DocumentSignatures signatures;

    public CentralIntakeHandler(DeclarationMapper declarations, StatusService status,
                                RoutingService routing, AgencyRequests requests, Outbox outbox, Envelopes envelopes,
                                EnvelopeCodec codec, QueueNames queues, NodeProperties node, Clock clock,
                                AuditLog audit, DocumentSignatures signatures) {
        this.audit = audit;
        this.signatures = signatures;
        this.declarations = declarations;
        this.status = status;
        this.routing = routing;
        this.requests = requests;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.codec = codec;
        this.queues = queues;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public MessageType messageType() {
        return MessageType.DECLARATION;
    }

    @Override
    public void apply(Envelope envelope) {
        String id = envelope.declarationId();
        JsonNode document = envelope.payload();
        Instant now = clock.instant();
        String uscc = document.path("declarant").path("uscc").asString();
        String signer = envelope.submittedBy() != null ? envelope.submittedBy() : uscc;
        Instant acceptedAt = signatures.acceptedAt(envelope.createdAt());
        String signature = signatures.verifyAcceptedAt(document, envelope.documentSignature(), signer, acceptedAt);
        declarations.insert(new DeclarationRow(id, envelope.documentType().name(),
                document.path("declarant").path("uscc").asString(), document.path("clientReference").asString(),
                CanonicalJson.sha256(document), envelope.originProvince(), OverallStatus.RECEIVED.name(),
                DeclarationRow.seal(id, codec.write(document)), now, now, envelope.submittedBy(), null));
        status.hop(id, envelope.sender(), "sent by " + envelope.sender(), envelope.createdAt());
        status.hop(id, node.code(), "received at central", now);
        audit.record("node:" + envelope.sender(), "RECEIVED", id, envelope.documentType().name());
        if (signature != null) {
            signatures.keep(id, signature, signer, acceptedAt);
        }
        status.started(id, OverallStatus.RECEIVED);

        List<DispatchNotice.RoutedAgency> routed = new ArrayList<>();
        for (Route route : routing.routes(envelope.documentType(), document)) {
            String agency = route.destination().code();
            status.routed(id, agency, route.ruleId());
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
        outbox.enqueue(queues.outProvince(envelope.originProvince()), envelopes.create(id,
                MessageType.DISPATCH_NOTICE, envelope.documentType(), "peer:" + envelope.originProvince(),
                envelope.originProvince(), codec.tree(new DispatchNotice(routed))));
    }
}
