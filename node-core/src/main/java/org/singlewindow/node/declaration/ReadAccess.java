package org.singlewindow.node.declaration;

import java.util.List;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.status.AgencyRow;

/**
 * The access matrix for reading one declaration at one node, pure: who may read it, and as what.
 * <ol>
 *   <li>a party (the declarant's enterprise, or the customs broker that submitted for it): everything;</li>
 *   <li>an operator of this node (central operators everywhere): metadata, the document only with
 *       {@code DOCUMENT_READER};</li>
 *   <li>an officer of an agency the declaration was actually sent to (not merely routed, not skipped): that agency's
 *       part only;</li>
 *   <li>anyone else: refused, the reason named by the caller's strongest role ({@code NOT_YOUR_NODE},
 *       {@code NOT_YOUR_AGENCY}, {@code NOT_YOUR_DOCUMENT}, else {@code ROLE_REQUIRED}).</li>
 * </ol>
 * The first that applies wins.
 */
public final class ReadAccess {

    /** How a caller may read a declaration. */
    public enum As {
        PARTY, OPERATOR, OFFICER
    }

    /** The outcome: how the caller reads ({@code as}), or why it may not ({@code refusal}). */
    public record Decision(As as, String refusal) {

        public boolean allowed() {
            return as != null;
        }
    }

    private ReadAccess() {
    }

    /**
     * @param agencies the agencies the declaration was routed to, with their statuses
     * @param nodeCode the node the read happens at
     */
    public static Decision decide(Caller caller, DeclarationRow row, List<AgencyRow> agencies, String nodeCode) {
        if (isParty(caller, row)) {
            return new Decision(As.PARTY, null);
        }
        if (caller.operates(nodeCode)) {
            return new Decision(As.OPERATOR, null);
        }
        if (officerOf(caller, agencies)) {
            return new Decision(As.OFFICER, null);
        }
        if (caller.has(Caller.NODE_OPERATOR)) {
            return new Decision(null, "NOT_YOUR_NODE");
        }
        if (caller.has(Caller.AGENCY_OFFICER)) {
            return new Decision(null, "NOT_YOUR_AGENCY");
        }
        if (caller.has(Caller.DECLARANT) || caller.has(Caller.BROKER)) {
            return new Decision(null, "NOT_YOUR_DOCUMENT");
        }
        return new Decision(null, "ROLE_REQUIRED");
    }

    /** The declarant itself, or the broker that submitted for it. */
    static boolean isParty(Caller caller, DeclarationRow row) {
        return caller.uscc() != null && (caller.has(Caller.DECLARANT) || caller.has(Caller.BROKER))
                && (caller.uscc().equals(row.declarantUscc()) || caller.uscc().equals(row.submittedBy()));
    }

    private static boolean officerOf(Caller caller, List<AgencyRow> agencies) {
        return caller.has(Caller.AGENCY_OFFICER) && caller.agency() != null
                && agencies.stream().anyMatch(a -> a.agency().equals(caller.agency())
                && !a.status().equals(AgencyStatus.PENDING.name()) && !a.status().equals(AgencyStatus.SKIPPED.name()));
    }
}
