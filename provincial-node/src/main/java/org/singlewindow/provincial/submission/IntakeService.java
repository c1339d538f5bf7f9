package org.singlewindow.provincial.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.PeerCopy;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.node.attachment.Attachments;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.declaration.DeclarationStore;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.FieldProjection;
import org.singlewindow.routing.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Takes a validated document from an authorized declarant: idempotency, then one transaction that stores the
 * declaration ({@link DeclarationStore}) and sends what the province's rules call for: the document to central
 * (with the declarant's signature where the rule grants all of it; the attachments it names went ahead from their
 * upload on) and copies to peer provinces.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final DeclarationMapper declarations;
    private final DeclarationStore store;
    private final RoutingService routing;
    private final Outbox outbox;
    private final NodeProperties node;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Attachments attachments;

    public IntakeService(DeclarationMapper declarations, DeclarationStore store, RoutingService routing,
                         Outbox outbox, NodeProperties node, TransactionTemplate tx, Clock clock,
                         Attachments attachments) {
        this.attachments = attachments;
        this.declarations = declarations;
        this.store = store;
        this.routing = routing;
        this.outbox = outbox;
        this.node = node;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A submission by a customs broker for the declarant.
     *
     * @param brokerUscc   the broker's enterprise, whose key signed the document
     * @param delegationId the delegation central confirmed
     */
    public record OnBehalf(String brokerUscc, String delegationId) {
    }

    /**
     * Stores a new declaration, or returns the one an identical earlier submission created.
     *
     * @param onBehalf the broker and delegation when a broker submits for the declarant; null otherwise
     * @throws Refusal 409 when the client reference was used before with different content
     */
    public Submission submit(String actor, String declarantUscc, DocumentType type, JsonNode document,
                             String signature, OnBehalf onBehalf) {
        String reference = document.get("clientReference").asString();
        String hash = CanonicalJson.sha256(document);
        Submission existing = existing(declarantUscc, reference, hash);
        if (existing != null) {
            return existing;
        }
        try {
            return tx.execute(s -> store(actor, declarantUscc, reference, hash, type, document, signature,
                    onBehalf));
        } catch (DuplicateKeyException race) {
            Submission winner = existing(declarantUscc, reference, hash);
            if (winner == null) {
                throw race;
            }
            return winner;
        }
    }

    private Submission existing(String declarantUscc, String reference, String hash) {
        DeclarationRow row = declarations.findByReference(declarantUscc, reference);
        if (row == null) {
            return null;
        }
        if (!row.contentHash().equals(hash)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "REFERENCE_REUSED", "Client reference already used",
                    "客户端编号已被使用", "clientReference '" + reference + "' was already used for a different "
                    + "declaration (" + row.id() + ")", "客户端编号 " + reference + " 已用于另一份申报（" + row.id() + "）");
        }
        return new Submission(row.id(), false);
    }

    private Submission store(String actor, String declarantUscc, String reference, String hash, DocumentType type,
                             JsonNode document, String signature, OnBehalf onBehalf) {
        String id = UUID.randomUUID().toString();
        String broker = onBehalf == null ? null : onBehalf.brokerUscc();
        Instant now = clock.instant();
        store.receive(new DeclarationStore.Received(id, type, document, declarantUscc, node.code(), broker,
                        onBehalf == null ? null : onBehalf.delegationId()),
                new DeclarationStore.Signed(signature, broker == null ? declarantUscc : broker, now),
                new DeclarationStore.Audited(actor, "SUBMITTED", type.name() + (onBehalf == null ? "" : " for "
                        + declarantUscc + " by broker " + broker + " under delegation " + onBehalf.delegationId())),
                List.of(new DeclarationStore.Step(node.code(), "submitted at " + node.code(), now)));
        Outbox.About about = new Outbox.About(id, type, node.code());
        attachments.link(id, document, 1, SubmissionController.owners(declarantUscc, broker));
        for (RuleMatch route : routing.matches(type, document)) {
            JsonNode granted = FieldProjection.project(document, route.grant());
            Outbox.Sent sent = route.destination().kind() == Destination.Kind.PEER
                    ? outbox.send(route.destination(), MessageType.PEER_COPY, about,
                    new PeerCopy(route.ruleId(), granted))
                    : outbox.send(route.destination(), MessageType.DECLARATION, about, granted,
                    new Outbox.SignedBy(route.grant().contains("*") ? signature : null, broker));
            log.info("declaration {} queued as message {} for {} (rule {})", id, sent.messageId(),
                    route.destination(), route.ruleId());
        }
        return new Submission(id, true);
    }
}
