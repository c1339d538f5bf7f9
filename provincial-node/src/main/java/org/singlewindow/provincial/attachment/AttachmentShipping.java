package org.singlewindow.provincial.attachment;

import java.time.Duration;

import org.singlewindow.node.attachment.AttachmentRow;
import org.singlewindow.node.attachment.AttachmentTravel;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.persistence.PeriodicPass;
import org.singlewindow.routing.Destination;
import org.springframework.stereotype.Component;

/**
 * A province ships each new upload to central right away, in pieces ({@link AttachmentTravel#ship}), so that it is
 * there before the document that names it; every minute (and at start) it goes on with a transfer a stopped node
 * left half-way. Central routes a document only once its files are all in.
 */
@Component
public class AttachmentShipping extends PeriodicPass {

    private final AttachmentTravel travel;
    private final NodeProperties node;

    public AttachmentShipping(AttachmentTravel travel, NodeProperties node) {
        super("attachment-shipping", Duration.ofMinutes(1), true);
        this.travel = travel;
        this.node = node;
    }

    /** Ships a file just uploaded; returns once its pieces are all queued. */
    public void ship(AttachmentRow uploaded) {
        travel.ship(Destination.CENTRAL, uploaded, node.code());
    }

    @Override
    protected void pass() {
        travel.resume(Destination.CENTRAL, node.code());
    }
}
