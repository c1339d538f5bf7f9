package org.singlewindow.node.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AttachmentPiece;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.routing.Destination;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attachments crossing the federation in pieces, straight to the broker with ids of their own (so a piece survives
 * crashes and is applied once, without the bytes churning the database): {@link #ship} sends a file's pieces right
 * after its upload, a few hundred KB at a time (never the whole file in memory); {@link #receive} writes one arriving piece
 * in place and, with the last, checks and keeps the file and records it, complete; {@link #allHere} tells central
 * whether a document's files are all in before it routes it.
 */
@Component
public class AttachmentTravel {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AttachmentTravel.class);

    /** About how many bytes of pieces one transaction queues. */
    static final int PER_TRANSACTION = 512 * 1024;

    private final AttachmentFiles files;
    private final AttachmentMapper attachments;
    private final AttachmentProperties properties;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AttachmentTravel(AttachmentFiles files, AttachmentMapper attachments, AttachmentProperties properties,
                            Outbox outbox, TransactionTemplate tx, Clock clock) {
        this.files = files;
        this.attachments = attachments;
        this.properties = properties;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Records a new upload here together with its transfer to come (one transaction), so that a node stopped right
     * after the upload still ships it ({@link #resume}).
     */
    void recordUpload(AttachmentRow row) {
        tx.executeWithoutResult(s -> {
            attachments.insert(row);
            attachments.startTransfer(row.sm3(), row.owner(), pieces(row.size()), clock.instant());
        });
    }

    private int pieces(long size) {
        long chunk = properties.chunkSize().toBytes();
        return (int) Math.max(1, (size + chunk - 1) / chunk);
    }

    /**
     * Ships one file to {@code to} in pieces, a few hundred KB of them at a time ({@link #PER_TRANSACTION}), reading
     * its sealed store once from where its transfer row says it got to. The pieces go straight to the broker
     * ({@link Outbox#sendNow}), never through a database table, each with an id made of the file, its owner and its
     * index; the row moves on once the broker has them, under the row's lock. A node stopped half-way goes on from
     * the row ({@link #resume}); the pieces it sends again are duplicates the broker drops and central's inbox knows.
     * Returns when the file is shipped whole, or when another thread has its transfer.
     */
    public void ship(Destination to, AttachmentRow row, String originProvince) {
        int chunk = (int) properties.chunkSize().toBytes();
        int count = pieces(row.size());
        Integer start = tx.execute(s -> attachments.lockTransfer(row.sm3(), row.owner()));
        if (start == null) {
            return;
        }
        if (start > 0) {
            log.info("attachment {} ships on from piece {} of {}", row.sm3(), start, count);
        }
        Outbox.About about = new Outbox.About(row.sm3(), DocumentType.GOODS_DECLARATION, originProvince);
        int perTransaction = Math.max(1, PER_TRANSACTION / chunk);
        try (InputStream in = files.open(row.sm3())) {
            in.skipNBytes((long) start * chunk);
            int[] position = {start};
            while (position[0] < count) {
                Boolean moved = tx.execute(s -> {
                    Integer at = attachments.lockTransfer(row.sm3(), row.owner());
                    if (at == null || at != position[0]) {
                        return false; // another thread has it
                    }
                    int next = Math.min(count, at + perTransaction);
                    List<Outbox.Keyed> pieces = new ArrayList<>(next - at);
                    for (int index = at; index < next; index++) {
                        byte[] data = readPiece(in, chunk);
                        pieces.add(new Outbox.Keyed(pieceId(row, index), new AttachmentPiece(row.sm3(), row.owner(),
                                row.code(), row.fileName(), row.mediaType(), row.size(), index, (long) index * chunk,
                                count, Base64.getEncoder().encodeToString(data))));
                    }
                    outbox.sendNow(to, MessageType.ATTACHMENT_PIECE, about, pieces);
                    if (next == count) {
                        attachments.endTransfer(row.sm3(), row.owner());
                    } else {
                        attachments.advanceTransfer(row.sm3(), row.owner(), next);
                    }
                    position[0] = next;
                    return true;
                });
                if (!Boolean.TRUE.equals(moved)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + row.sm3() + " does not read", e);
        }
    }

    /** The message id of one piece, the same however often it is sent. */
    static String pieceId(AttachmentRow row, int index) {
        return UUID.nameUUIDFromBytes(("attachment-piece:" + row.sm3() + ":" + row.owner() + ":" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A transfer under way: how many of the file's pieces the broker has, of how many. */
    public record Progress(int piecesSent, int pieces) {
    }

    /** How far the file's transfer got; null when none is under way (it is shipped, or was never to be). */
    public Progress progress(AttachmentRow row) {
        return attachments.progressOf(row.sm3(), row.owner());
    }

    /** Ships what a stopped node left half-way. */
    public void resume(Destination to, String originProvince) {
        for (AttachmentRow row : attachments.unfinishedTransfers()) {
            ship(to, row, originProvince);
        }
    }

    private static byte[] readPiece(InputStream in, int chunk) {
        try {
            return in.readNBytes(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether every file a document names by its SM3 hash is complete here, for one of {@code owners}; central routes
     * a document only then (its pieces travel apart from it, from the upload on).
     */
    public boolean allHere(tools.jackson.databind.JsonNode document, java.util.Set<String> owners) {
        for (tools.jackson.databind.JsonNode item : document.path("data").path("electronicDocuments")) {
            if (!Attachments.isFileHere(item)) {
                continue;
            }
            String sm3 = item.path("id").asString();
            boolean here = owners.stream().filter(java.util.Objects::nonNull)
                    .map(o -> attachments.find(sm3, o)).anyMatch(r -> r != null && r.complete());
            if (!here) {
                return false;
            }
        }
        return true;
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
