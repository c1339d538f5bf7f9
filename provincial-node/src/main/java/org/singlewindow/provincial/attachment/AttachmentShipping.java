package org.singlewindow.provincial.attachment;

import java.time.Duration;

import org.singlewindow.node.attachment.AttachmentRow;
import org.singlewindow.node.attachment.AttachmentTravel;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.persistence.PeriodicPass;
import org.singlewindow.routing.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A province ships each new upload to central right away, in pieces ({@link AttachmentTravel#ship}), so that it is
 * there before the document that names it; every minute (and at start) it goes on with a transfer a stopped node
 * left half-way. Central routes a document only once its files are all in.
 */
@Component
public class AttachmentShipping extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(AttachmentShipping.class);

    private final AttachmentTravel travel;
    private final NodeProperties node;

    public AttachmentShipping(AttachmentTravel travel, NodeProperties node) {
        super("attachment-shipping", Duration.ofMinutes(1), true);
        this.travel = travel;
        this.node = node;
    }

    /**
     * Ships a file just uploaded; returns once the broker has its pieces, or once shipping failed (a broker out of
     * reach): the upload is kept with its transfer, and the next pass goes on with it.
     */
    public void ship(AttachmentRow uploaded) {
        try {
            travel.ship(Destination.CENTRAL, uploaded, node.code());
        } catch (RuntimeException e) {
            log.warn("attachment {} not shipped yet, the next pass goes on with it: {}", uploaded.sm3(), e.toString());
        }
    }

    /** How far a file's way to central got; null once the broker has all of it. */
    public AttachmentTravel.Progress progress(AttachmentRow uploaded) {
        return travel.progress(uploaded);
    }

    @Override
    protected void pass() {
        travel.resume(Destination.CENTRAL, node.code());
    }
}
