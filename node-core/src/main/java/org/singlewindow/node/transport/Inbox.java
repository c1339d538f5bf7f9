package org.singlewindow.node.transport;

import java.time.Clock;

import org.singlewindow.node.retention.Retention;
import org.singlewindow.node.retention.RetentionProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotent consumer backed by the database: a consumer claims a message id inside the transaction that
 * applies the message, so the claim commits if and only if the change does. A redelivered or duplicated message
 * finds its id claimed and is acknowledged without effect. Claimed ids are kept for {@code sw.retention.inbox}, longer
 * than any redelivery takes.
 */
@Component
public class Inbox {

    private final InboxMapper mapper;
    private final Clock clock;

    public Inbox(InboxMapper mapper, Clock clock, Retention retention, RetentionProperties keep) {
        this.mapper = mapper;
        this.clock = clock;
        retention.register("inbox", keep.inbox(), mapper::deleteReceivedBefore);
    }

    /**
     * Claims {@code messageId} for {@code consumer}; returns false when it was processed before. Two concurrent
     * claims of one id cannot both commit: the loser fails on the primary key, rolls back and, redelivered,
     * finds the id claimed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String messageId, String consumer) {
        if (mapper.exists(messageId, consumer)) {
            return false;
        }
        mapper.insert(messageId, consumer, clock.instant());
        return true;
    }
}
