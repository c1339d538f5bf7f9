package org.singlewindow.node.declaration;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.status.EventKind;
import org.singlewindow.node.status.EventRow;
import org.singlewindow.node.status.EventView;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * Reads declarations for a caller. A declarant sees only its own enterprise's declarations (another's answer
 * 404, as if they did not exist); central operators, and node operators at their own province's node, see all,
 * without the submitted document.
 */
@Service
public class DeclarationQueries {

    /** An agency's receipts in the order the agency issued them (they can arrive out of order). */
    private static final Comparator<EventRow> RECEIPT_ORDER = Comparator.comparing(EventRow::occurredAt)
            .thenComparing(EventRow::id);

    private final DeclarationMapper declarations;
    private final StatusMapper events;
    private final EnvelopeCodec codec;
    private final String nodeCode;

    public DeclarationQueries(DeclarationMapper declarations, StatusMapper events, EnvelopeCodec codec,
                              NodeProperties node) {
        this.declarations = declarations;
        this.events = events;
        this.codec = codec;
        this.nodeCode = node.code();
    }

    /** The declaration if the caller may read it; 404 otherwise. */
    public DeclarationRow readable(Caller caller, String id) {
        DeclarationRow row = declarations.findById(id);
        if (row == null || !mayRead(caller, row)) {
            throw ApiException.notFound("declaration " + id);
        }
        return row;
    }

    public DeclarationView view(Caller caller, String id) {
        DeclarationRow row = readable(caller, id);
        List<EventRow> all = events.eventsAfter(id, 0);
        List<DeclarationView.AgencyView> agencies = events.agencies(id).stream()
                .map(a -> new DeclarationView.AgencyView(a.agency(), a.status(), a.updatedAt(), all.stream()
                        .filter(e -> EventKind.RECEIPT.name().equals(e.kind()) && a.agency().equals(e.agency()))
                        .sorted(RECEIPT_ORDER)
                        .map(e -> new DeclarationView.ReceiptView(e.status(), e.code(), e.detail(), e.occurredAt()))
                        .toList()))
                .toList();
        boolean owner = row.declarantUscc().equals(caller.uscc());
        return new DeclarationView(row.id(), row.documentType(), row.clientReference(), row.declarantUscc(),
                row.originProvince(), row.status(), row.createdAt(), row.updatedAt(), agencies,
                all.stream().map(EventView::of).toList(), owner ? codec.readTree(row.payload().text()) : null);
    }

    public DeclarationView.Page list(Caller caller, String status, Instant from, Instant to, int page, int size) {
        boolean operator = caller.operates(nodeCode);
        String uscc = operator ? null : caller.uscc();
        if (uscc == null && !operator) {
            return new DeclarationView.Page(List.of(), page, size, 0);
        }
        List<DeclarationView.Summary> items = declarations.search(uscc, status, from, to, size, (long) page * size)
                .stream().map(DeclarationView.Summary::of).toList();
        return new DeclarationView.Page(items, page, size, declarations.count(uscc, status, from, to));
    }

    private boolean mayRead(Caller caller, DeclarationRow row) {
        return caller.operates(nodeCode) || (caller.has(Caller.DECLARANT) && row.declarantUscc().equals(caller.uscc()));
    }
}
