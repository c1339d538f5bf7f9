package org.singlewindow.node.declaration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.routing.RoutingService;
import org.singlewindow.node.status.AgencyRow;
import org.singlewindow.node.status.EventKind;
import org.singlewindow.node.status.EventRow;
import org.singlewindow.node.status.EventView;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.FieldProjection;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Reads declarations for a caller, as the access matrix ({@link ReadAccess}) allows.
 * <ul>
 *   <li>A declarant sees its enterprise's declarations, and a customs broker those it submitted for others
 *       (delegated documents), each with the document.</li>
 *   <li>An agency officer, at central, sees declarations sent to its agency, with only the part of the document
 *       its agency received and only its agency's receipts; not the event stream.</li>
 *   <li>Central operators, and node operators at their own province's node, see metadata; the document only with
 *       the {@code DOCUMENT_READER} grant, and every such read is audited.</li>
 * </ul>
 * A declaration that does not exist is 404; one the caller may not read is 403 with a reason:
 * {@code NOT_YOUR_DOCUMENT}, {@code NOT_YOUR_AGENCY}, {@code NOT_YOUR_NODE} or {@code ROLE_REQUIRED}.
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
    private final AuditLog audit;
    private final RoutingService routing;

    public DeclarationQueries(DeclarationMapper declarations, StatusMapper events, EnvelopeCodec codec,
                              NodeProperties node, AuditLog audit, RoutingService routing) {
        this.audit = audit;
        this.routing = routing;
        this.declarations = declarations;
        this.events = events;
        this.codec = codec;
        this.nodeCode = node.code();
    }

    /** The declaration if the caller may read it; 404 when there is none, 403 with the reason otherwise. */
    public DeclarationRow readable(Caller caller, String id) {
        DeclarationRow row = found(id);
        access(caller, row);
        return row;
    }

    /**
     * The declaration if the caller is a party to it (its declarant, or the customs broker that submitted it), the
     * ones who may change it: 404 when there is none, 403 with the reason otherwise ({@code NOT_A_PARTY} for those
     * who may only read it).
     */
    public DeclarationRow ofParty(Caller caller, String id) {
        DeclarationRow row = found(id);
        if (ReadAccess.isParty(caller, row)) {
            return row;
        }
        access(caller, row);
        throw refused("NOT_A_PARTY", "only the declarant, or the customs broker that submitted it, may do this",
                "只有申报企业或为其申报的报关企业可以办理");
    }

    private DeclarationRow found(String id) {
        DeclarationRow row = declarations.findById(id);
        if (row == null) {
            throw Refusal.notFound("declaration " + id);
        }
        return row;
    }

    /** How the caller may read the declaration ({@link ReadAccess}); 403 with the reason when it may not. */
    private ReadAccess.As access(Caller caller, DeclarationRow row) {
        ReadAccess.Decision decision = ReadAccess.decide(caller, row, events.agencies(row.id()), nodeCode);
        if (decision.allowed()) {
            return decision.as();
        }
        throw switch (decision.refusal()) {
            case "NOT_YOUR_NODE" -> refused("NOT_YOUR_NODE", "you operate the node of province " + caller.province()
                    + ", not " + nodeCode, "您运维的是 " + caller.province() + " 节点，而非 " + nodeCode + " 节点");
            case "NOT_YOUR_AGENCY" -> refused("NOT_YOUR_AGENCY", "this declaration was not routed to "
                    + caller.agency(), "该申报未发送至 " + caller.agency());
            case "NOT_YOUR_DOCUMENT" -> refused("NOT_YOUR_DOCUMENT", "the declaration is neither your enterprise's "
                    + "nor delegated to it", "该申报既不属于贵企业，也未委托贵企业代理");
            default -> refused("ROLE_REQUIRED", "your role does not allow reading declarations", "您的角色无权查看申报");
        };
    }

    public DeclarationView view(Caller caller, String id) {
        DeclarationRow row = found(id);
        ReadAccess.As as = access(caller, row);
        boolean officer = as == ReadAccess.As.OFFICER;
        List<EventRow> all = events.eventsAfter(id, 0);
        List<DeclarationView.AgencyView> agencies = events.agencies(id).stream()
                .filter(a -> !officer || a.agency().equals(caller.agency()))
                .map(a -> new DeclarationView.AgencyView(a.agency(), a.status(), a.updatedAt(), all.stream()
                        .filter(e -> EventKind.RECEIPT.name().equals(e.kind()) && a.agency().equals(e.agency()))
                        .sorted(RECEIPT_ORDER)
                        .map(e -> new DeclarationView.ReceiptView(e.status(), e.code(), e.detail(), e.occurredAt()))
                        .toList()))
                .toList();
        JsonNode document = null;
        if (as == ReadAccess.As.PARTY) {
            document = codec.readTree(row.document());
        } else if (as == ReadAccess.As.OPERATOR && caller.has(Caller.DOCUMENT_READER)) {
            audit.recordNow(caller.clientId(), "DOCUMENT_READ", row.id(), row.documentType());
            document = codec.readTree(row.document());
        } else if (officer) {
            document = asSentTo(caller.agency(), row);
        }
        List<EventView> timeline = officer ? List.of() : all.stream().map(EventView::of).toList();
        return new DeclarationView(row.id(), row.documentType(), row.clientReference(), row.declarantUscc(),
                row.submittedBy(), row.originProvince(), row.status(), row.createdAt(), row.updatedAt(), agencies,
                timeline, document);
    }

    public DeclarationView.Page list(Caller caller, DeclarationFilter filter, int page, int size) {
        return visible(caller, filter).map(f -> new DeclarationView.Page(declarations.search(f, size, (long) page * size)
                .stream().map(DeclarationView.Summary::of).toList(), page, size, declarations.count(f)))
                .orElse(new DeclarationView.Page(List.of(), page, size, 0));
    }

    /**
     * The part of a search the caller may see: at a node it operates, everything (central's operators: the national
     * view; a province's: its node's declarations); a declarant or broker, its own; anyone else, nothing.
     */
    public Optional<DeclarationFilter> visible(Caller caller, DeclarationFilter filter) {
        if (caller.operates(nodeCode)) {
            return Optional.of(filter);
        }
        if (caller.uscc() != null && (caller.has(Caller.DECLARANT) || caller.has(Caller.BROKER))) {
            return Optional.of(filter.forParty(caller.uscc()));
        }
        return Optional.empty();
    }

    /** Whether the caller may read only what its agency received (then not the event stream of everyone's). */
    public boolean agencyViewOnly(Caller caller, DeclarationRow row) {
        return ReadAccess.decide(caller, row, events.agencies(row.id()), nodeCode).as() == ReadAccess.As.OFFICER;
    }

    /**
     * The document as it was cut for that agency when it was routed (the grant kept with the agency's row); for a row
     * routed before decisions were kept, as the rules cut it today. Null where it was not routed there.
     */
    private JsonNode asSentTo(String agency, DeclarationRow row) {
        JsonNode whole = codec.readTree(row.document());
        AgencyRow routed = events.agencies(row.id()).stream().filter(a -> a.agency().equals(agency)).findFirst()
                .orElse(null);
        if (routed != null && routed.decision().grant() != null) {
            return FieldProjection.project(whole, routed.decision().grant());
        }
        return routing.matches(DocumentType.valueOf(row.documentType()), whole).stream()
                .filter(r -> r.destination().kind() == Destination.Kind.AGENCY && r.destination().code().equals(agency))
                .findFirst().map(r -> FieldProjection.project(whole, r.grant())).orElse(null);
    }

    private static Refusal refused(String code, String en, String zh) {
        return new Refusal(Refusal.Kind.FORBIDDEN, code, "Forbidden", "无权访问", en, zh);
    }
}
