package org.singlewindow.node.outbox;

import java.time.Clock;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.node.persistence.AfterCommit;
import org.singlewindow.node.signature.EnvelopeSignatures;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues envelopes for publication, inside the caller's transaction. */
@Component
public class Outbox {

    private final OutboxMapper mapper;
    private final EnvelopeCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;
    private final EnvelopeSignatures signatures;

    public Outbox(OutboxMapper mapper, EnvelopeCodec codec, OutboxRelay relay, Clock clock,
                  EnvelopeSignatures signatures) {
        this.signatures = signatures;
        this.mapper = mapper;
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Writes the envelope, signed by this node when it goes to another node ({@link EnvelopeSignatures#sign}), to the
     * outbox; the relay is woken once the transaction commits. Every envelope a node sends leaves through here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String enqueue(String queue, Envelope envelope) {
        String text = codec.write(signatures.sign(envelope));
        mapper.insert(new OutboxRow(null, envelope.messageId(), queue, envelope.declarationId(),
                OutboxRow.seal(envelope.messageId(), text), clock.instant()));
        AfterCommit.once(relay, relay::wakeUp);
        return text;
    }

    /**
     * Sends an envelope sent before once more, unchanged (same message id inside, same signature): its outbox row and
     * broker duplicate-detection id are {@code <messageId>#<attempt>}, so the broker does not drop it as the duplicate
     * it deliberately is; the receiver recognizes the message id.
     *
     * @param signedEnvelope the envelope's JSON as {@link #enqueue} returned it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAgain(String queue, String messageId, String declarationId, String signedEnvelope, int attempt) {
        String rowId = messageId + "#" + attempt;
        mapper.insert(new OutboxRow(null, rowId, queue, declarationId, OutboxRow.seal(rowId, signedEnvelope),
                clock.instant()));
        AfterCommit.once(relay, relay::wakeUp);
    }
}
