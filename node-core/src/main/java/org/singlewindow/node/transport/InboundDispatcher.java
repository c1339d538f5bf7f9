package org.singlewindow.node.transport;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.node.persistence.GroupCommit;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.node.signature.EnvelopeSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Applies each inbound envelope exactly once, after checking that the node the link belongs to signed it
 * ({@link EnvelopeSignatures}; a refused envelope is parked in the dead-letter queue): in one database
 * transaction (shared with the envelopes the node's other consumers apply at the same time, {@link GroupCommit}),
 * the envelope's message id is
 * claimed in the {@link Inbox} and the handler for its type applies it; a message id claimed before is
 * acknowledged without effect. The declaration and message ids are in the logging context meanwhile. An
 * envelope no handler on this node accepts is an error (it ends in the dead-letter queue).
 */
@Component
public class InboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundDispatcher.class);

    private final EnvelopeCodec codec;
    private final Inbox inbox;
    private final GroupCommit groupCommit;
    private final Map<MessageType, InboundHandler> handlers = new EnumMap<>(MessageType.class);
    private final EnvelopeSignatures signatures;
    private final MeterRegistry meters;

    public InboundDispatcher(EnvelopeCodec codec, Inbox inbox, GroupCommit groupCommit, List<InboundHandler> handlers,
                             EnvelopeSignatures signatures, MeterRegistry meters) {
        this.signatures = signatures;
        this.meters = meters;
        this.codec = codec;
        this.inbox = inbox;
        this.groupCommit = groupCommit;
        for (InboundHandler handler : handlers) {
            if (this.handlers.putIfAbsent(handler.messageType(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.messageType());
            }
        }
    }

    public void dispatch(@Body String body) {
        Envelope envelope = codec.read(body);
        try (MDC.MDCCloseable d = MDC.putCloseable("declarationId", envelope.declarationId());
             MDC.MDCCloseable m = MDC.putCloseable("messageId", envelope.messageId())) {
            signatures.verify(envelope);
            InboundHandler handler = handlers.get(envelope.messageType());
            if (handler == null) {
                throw new PermanentFailure("NO_HANDLER", "no handler on this node for " + envelope.messageType()
                        + " to " + envelope.receiver());
            }
            groupCommit.run(() -> {
                if (inbox.claim(envelope.messageId(), "in:" + envelope.messageType())) {
                    handler.apply(envelope);
                } else {
                    meters.counter("sw.envelopes.refused", "reason", "REPLAYED").increment();
                    log.info("duplicate {} ignored (already applied)", envelope.messageType());
                }
            });
        }
    }
}
