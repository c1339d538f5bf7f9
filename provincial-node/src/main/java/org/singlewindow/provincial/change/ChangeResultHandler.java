package org.singlewindow.provincial.change;

import java.util.List;

import org.singlewindow.contracts.change.Decision;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.ChangeResult;
import org.singlewindow.node.change.ChangeRow;
import org.singlewindow.node.change.ChangeStore;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.springframework.stereotype.Component;

/**
 * Province: central reports where a change stands. The change opens (the agencies asked), each agency's answer is
 * recorded once, and a final state settles it here as it did at central (the new version current, or CANCELLED).
 * Reports may repeat or arrive late; each step applies once and a settled change stays as it is. A report on a
 * change this node never took is parked.
 */
@Component
public class ChangeResultHandler implements InboundHandler {

    private final ChangeStore store;
    private final EnvelopeCodec codec;

    public ChangeResultHandler(ChangeStore store, EnvelopeCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    @Override
    public MessageType messageType() {
        return MessageType.CHANGE_RESULT;
    }

    @Override
    public void apply(Envelope envelope) {
        ChangeResult result = codec.payload(envelope, ChangeResult.class);
        store.lock(envelope.declarationId());
        ChangeRow change = store.find(result.changeId());
        if (change == null || !change.declarationId().equals(envelope.declarationId())) {
            throw new PermanentFailure("UNKNOWN_CHANGE", "no change " + result.changeId() + " of declaration "
                    + envelope.declarationId() + " here");
        }
        List<String> asked = result.answers().stream().map(ChangeResult.Answer::agency).toList();
        if (!asked.isEmpty()) {
            store.asked(change, asked);
        }
        for (ChangeResult.Answer answer : result.answers()) {
            if (answer.decision() != Decision.PENDING) {
                store.answered(change, answer.agency(), answer.decision(), answer.code(), answer.message());
            }
        }
        if (result.state().isFinal()) {
            store.settle(change, result.state(), result.detail());
        }
    }
}
