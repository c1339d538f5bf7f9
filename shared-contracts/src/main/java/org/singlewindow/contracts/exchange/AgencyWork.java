package org.singlewindow.contracts.exchange;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Payload of an agency request between central's intake and its agency link: the document cut down to the
 * agency's grant and, for a follow-up route, the receipts of the agency it followed (e.g. the bank's payment
 * receipt that customs receives with a tax payment).
 *
 * @param document the granted fields only
 * @param basedOn  receipts the request follows from; empty for a first-round request
 * @param documentSignature the declarant's signature over the whole document, when the agency receives it whole
 *                 (a subset cannot be checked against it); {@code null} otherwise
 * @param submittedBy the customs broker (USCC) that submitted for the declarant under a delegation, whose key made
 *                 the document signature; {@code null} when the declarant submitted itself
 */
public record AgencyWork(JsonNode document, List<AgencyReceipt> basedOn, String documentSignature,
                         String submittedBy) {

    public AgencyWork {
        basedOn = basedOn == null ? List.of() : List.copyOf(basedOn);
    }
}
