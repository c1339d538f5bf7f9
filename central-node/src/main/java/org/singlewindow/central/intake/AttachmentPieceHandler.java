package org.singlewindow.central.intake;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AttachmentPiece;
import org.singlewindow.node.attachment.AttachmentTravel;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.springframework.stereotype.Component;

/** Central: a piece of an attachment a province shipped after its upload ({@link AttachmentTravel}). */
@Component
public class AttachmentPieceHandler implements InboundHandler {

    private final AttachmentTravel travel;
    private final EnvelopeCodec codec;

    public AttachmentPieceHandler(AttachmentTravel travel, EnvelopeCodec codec) {
        this.travel = travel;
        this.codec = codec;
    }

    @Override
    public MessageType messageType() {
        return MessageType.ATTACHMENT_PIECE;
    }

    @Override
    public void apply(Envelope envelope) {
        travel.receive(codec.payload(envelope, AttachmentPiece.class), "node:" + envelope.sender(),
                envelope.createdAt());
    }
}
