package org.singlewindow.node.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.persistence.AfterCommit;
import org.singlewindow.node.signature.EnvelopeSignatures;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.Envelopes;
import org.singlewindow.routing.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a node sends: every envelope leaves through here, inside the caller's transaction. The sender names
 * the destination; the queue ({@link NodeRoleModule#queueFor}) and the receiver ({@link Destination#toString()})
 * follow from it. The envelope is written to the outbox unsigned, and the relay is woken once the transaction
 * commits; the relay signs what it publishes, a batch at a time ({@link OutboxRelay}).
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxMapper mapper;
    private final EnvelopeCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Envelopes envelopes;
    private final NodeRoleModule role;
    private final QueueNames queues;
    private final EnvelopeSignatures signatures;
    private final BrokerPublisher publisher;

    public Outbox(OutboxMapper mapper, EnvelopeCodec codec, OutboxRelay relay, Clock clock,
                  Envelopes envelopes, NodeRoleModule role, QueueNames queues, EnvelopeSignatures signatures,
                  BrokerPublisher publisher) {
        this.signatures = signatures;
        this.publisher = publisher;
        this.mapper = mapper;
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
        this.envelopes = envelopes;
        this.role = role;
        this.queues = queues;
    }

    /** The declaration an envelope is about, as every envelope states it. */
    public record About(String declarationId, DocumentType documentType, String originProvince) {
    }

    /**
     * A signed document travelling with its signature: the declarant's, or that of the customs broker named by
     * {@code submittedBy} (null when the declarant submitted itself).
     */
    public record SignedBy(String documentSignature, String submittedBy) {

        public static final SignedBy NONE = new SignedBy(null, null);
    }

    /** What was sent: the new message id, the queue, and the envelope's JSON as it was queued (before signing). */
    public record Sent(String messageId, String queue, String json) {
    }

    /** Sends a new message about a declaration to {@code to}; {@code payload} is a record or JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sent send(Destination to, MessageType type, About about, Object payload) {
        return send(to, type, about, payload, SignedBy.NONE);
    }

    /** Sends a new message carrying a signed document with its signature. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sent send(Destination to, MessageType type, About about, Object payload, SignedBy signed) {
        Envelope envelope = envelopes.create(about.declarationId(), type, about.documentType(), to.toString(),
                about.originProvince(), codec.tree(payload), signed.documentSignature(), signed.submittedBy());
        Sent sent = write(role.queueFor(to, queues), envelope);
        log.info("{} for declaration {} queued as message {} to {}", type, about.declarationId(),
                envelope.messageId(), to);
        return sent;
    }

    /** Passes on an envelope another node sent (same message id, one more hop), e.g. a peer copy central relays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sent forward(Destination to, Envelope envelope, String action) {
        return write(role.queueFor(to, queues), envelopes.forward(envelope, action));
    }

    /**
     * Sends a message sent before once more, unchanged (same message id inside; signed again with its new batch): its outbox row and
     * broker duplicate-detection id are {@code <messageId>#<attempt>}, so the broker does not drop it as the duplicate
     * it deliberately is; the receiver recognizes the message id.
     *
     * @param sent the message as {@link #send} returned it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendAgain(Sent sent, String declarationId, int attempt) {
        String rowId = sent.messageId() + "#" + attempt;
        insert(rowId, sent.queue(), declarationId, sent.json());
    }

    /** A message for {@link #sendNow}, with the id it keeps however often it is sent. */
    public record Keyed(String messageId, Object payload) {
    }

    /**
     * Sends messages straight to the broker, not through the outbox table: for bulk bytes (an attachment's pieces)
     * that would only churn the database. Each message keeps the id the caller gives it, which is also its
     * duplicate-detection id, so sending them again after a crash is harmless: the broker drops them and the
     * receiver's inbox knows them. Signed as one batch; returns once the broker has them all.
     *
     * @throws IllegalStateException when the broker cannot be reached or refuses one of them: the caller sends them
     *                               again later
     */
    public void sendNow(Destination to, MessageType type, About about, List<Keyed> messages) {
        String queue = role.queueFor(to, queues);
        List<Envelope> created = messages.stream().map(m -> envelopes.create(m.messageId(), about.declarationId(),
                type, about.documentType(), to.toString(), about.originProvince(), codec.tree(m.payload()), null,
                null)).toList();
        List<Envelope> signed = signatures.signBatch(created);
        List<BrokerPublisher.Outgoing> batch = new ArrayList<>();
        for (int i = 0; i < signed.size(); i++) {
            Envelope envelope = signed.get(i);
            batch.add(new BrokerPublisher.Outgoing(i, envelope.messageId(), envelope.messageId(), queue,
                    about.declarationId(), codec.write(envelope)));
        }
        publisher.publish(batch, (message, reason, detail) -> {
            throw new IllegalStateException(type + " " + message.messageId() + " " + reason + ": " + detail);
        });
    }

    private Sent write(String queue, Envelope envelope) {
        String text = codec.write(envelope);
        insert(envelope.messageId(), queue, envelope.declarationId(), text);
        return new Sent(envelope.messageId(), queue, text);
    }

    private void insert(String rowId, String queue, String declarationId, String text) {
        mapper.insert(new OutboxRow(null, rowId, queue, declarationId, OutboxRow.seal(rowId, text), clock.instant()));
        AfterCommit.once(relay, relay::wakeUp);
    }
}
