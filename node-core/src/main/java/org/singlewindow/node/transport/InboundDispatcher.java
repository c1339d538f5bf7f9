package org.singlewindow.node.transport;

import java.util.List;

import org.apache.camel.Body;
import org.singlewindow.contracts.envelope.Envelope;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Hands each inbound envelope to the handler that accepts it, with the declaration and message ids in the
 * logging context. An envelope no handler accepts is an error (it ends in the dead-letter queue).
 */
@Component
public class InboundDispatcher {

    private final EnvelopeCodec codec;
    private final List<InboundHandler> handlers;

    public InboundDispatcher(EnvelopeCodec codec, List<InboundHandler> handlers) {
        this.codec = codec;
        this.handlers = handlers;
    }

    public void dispatch(@Body String body) {
        Envelope envelope = codec.read(body);
        try (MDC.MDCCloseable d = MDC.putCloseable("declarationId", envelope.declarationId());
             MDC.MDCCloseable m = MDC.putCloseable("messageId", envelope.messageId())) {
            handlers.stream().filter(h -> h.accepts(envelope)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no handler on this node for "
                            + envelope.messageType() + " to " + envelope.receiver()))
                    .handle(envelope);
        }
    }
}
