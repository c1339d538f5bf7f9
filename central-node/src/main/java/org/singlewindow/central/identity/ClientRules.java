package org.singlewindow.central.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.singlewindow.central.CentralProperties;
import org.singlewindow.contracts.codes.Uscc;
import org.singlewindow.node.identity.Caller;

/**
 * Checks the registered clients before the issuer starts: unique ids, a secret, known roles; a declarant bound
 * to an enterprise whose USCC has a valid GB 32100-2015 check character; an agency client naming its agency; a
 * node operator naming its province. Every problem is reported at once.
 */
final class ClientRules {

    static final Set<String> ROLES = Set.of(Caller.DECLARANT, Caller.BROKER, Caller.AGENCY, Caller.AGENCY_OFFICER,
            Caller.NODE_OPERATOR, Caller.CENTRAL_OPERATOR, Caller.DOCUMENT_READER);

    private ClientRules() {
    }

    static void check(List<CentralProperties.Client> clients) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            CentralProperties.Client c = clients.get(i);
            String where = "sw.identity.clients[" + i + "]" + (c.clientId() == null ? "" : " (" + c.clientId() + ")");
            if (c.clientId() == null || c.clientId().isBlank() || !ids.add(c.clientId())) {
                problems.add(where + ": client-id missing or repeated");
            }
            if (c.secret() == null || c.secret().isBlank()) {
                problems.add(where + ": secret missing");
            }
            if (c.roles().isEmpty() || !ROLES.containsAll(c.roles())) {
                problems.add(where + ": roles must be some of " + ROLES);
            }
            if ((c.roles().contains(Caller.DECLARANT) || c.roles().contains(Caller.BROKER)) && !Uscc.isValid(c.uscc())) {
                problems.add(where + ": a DECLARANT or BROKER needs the uscc of its enterprise, 18 characters with a valid "
                        + "GB 32100-2015 check character (got " + c.uscc() + ")");
            }
            if ((c.roles().contains(Caller.AGENCY) || c.roles().contains(Caller.AGENCY_OFFICER)) && (c.agency() == null || c.agency().isBlank())) {
                problems.add(where + ": an AGENCY or AGENCY_OFFICER client needs agency");
            }
            if (c.roles().contains(Caller.NODE_OPERATOR) && (c.province() == null || !c.province().matches("\\d{6}"))) {
                problems.add(where + ": a NODE_OPERATOR needs the 6-digit code of its province");
            }
        }
        if (clients.isEmpty()) {
            problems.add("central issues tokens but no client is registered in sw.identity.clients");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }
}
