package org.singlewindow.node.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AttachmentPiece;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.routing.Destination;
import org.springframework.stereotype.Component;

/**
 * Attachments crossing the federation in pieces, through the outbox like everything else (so a piece is sent
 * once, survives crashes and is applied once): {@link #send} queues a file's pieces, read from its sealed store one
 * piece at a time; {@link #receive} writes one arriving piece in place and, with the last, checks and keeps the
 * file and records it, complete.
 */
@Component
public class AttachmentTravel {

    private final AttachmentFiles files;
    private final AttachmentMapper attachments;
    private final AttachmentProperties properties;

    public AttachmentTravel(AttachmentFiles files, AttachmentMapper attachments, AttachmentProperties properties) {
        this.files = files;
        this.attachments = attachments;
        this.properties = properties;
    }

    /** Queues the pieces of each attachment to {@code to}, in the caller's transaction. */
    public void send(Outbox outbox, Destination to, Outbox.About about, List<AttachmentRow> rows) {
        int chunk = (int) properties.chunkSize().toBytes();
        for (AttachmentRow row : rows) {
            int count = (int) Math.max(1, (row.size() + chunk - 1) / chunk);
            try (InputStream in = files.open(row.sm3())) {
                for (int index = 0; index < count; index++) {
                    byte[] data = in.readNBytes(chunk);
                    outbox.send(to, MessageType.ATTACHMENT_PIECE, about, new AttachmentPiece(row.sm3(), row.owner(),
                            row.code(), row.fileName(), row.mediaType(), row.size(), index, (long) index * chunk, count,
                            Base64.getEncoder().encodeToString(data)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("attachment " + row.sm3() + " does not read", e);
            }
        }
    }

    /** Applies one arriving piece (once: the inbox keeps it from coming twice); keeps the file with its last. */
    public void receive(AttachmentPiece piece, String uploadedBy, java.time.Instant at) {
        try {
            if (attachments.find(piece.sm3(), piece.owner()) == null) {
                attachments.insert(new AttachmentRow(piece.sm3(), piece.owner(), piece.code(), piece.fileName(),
                        piece.mediaType(), piece.size(), uploadedBy, at, false));
            }
            if (files.has(piece.sm3())) {
                attachments.complete(piece.sm3(), piece.owner());
                return;
            }
            files.writePiece(piece.sm3(), piece.offset(), Base64.getDecoder().decode(piece.data()));
            attachments.piece(piece.sm3(), piece.index());
            if (attachments.pieces(piece.sm3()) == piece.count()) {
                if (!files.finishPieces(piece.sm3(), piece.size())) {
                    throw new PermanentFailure("ATTACHMENT_CORRUPT", "the pieces of " + piece.sm3()
                            + " do not make the file its hash names");
                }
                attachments.complete(piece.sm3(), piece.owner());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
