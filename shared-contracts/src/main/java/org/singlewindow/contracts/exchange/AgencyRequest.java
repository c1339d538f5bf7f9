package org.singlewindow.contracts.exchange;

import java.util.List;

import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.JsonNode;

/**
 * What a ministry system receives: the document cut down to the fields the routing rules grant that agency.
 *
 * @param messageId      stable across retries: the ministry's idempotency key
 * @param declarationId  the declaration
 * @param documentType   its type
 * @param originProvince where the declarant submitted
 * @param document       the granted fields only
 * @param basedOn        for a follow-up request, the receipts of the agency it follows (e.g. the bank's payment)
 * @param documentSignature the declarant's detached CMS signature (SM3withSM2, Base64) over the canonical form of
 *                       the whole document, when this agency receives the whole document; {@code null} otherwise
 * @param submittedBy    the customs broker (USCC) that declared for the declarant under a delegation (委托授权) and
 *                       signed the document; {@code null} when the declarant submitted itself
 */
public record AgencyRequest(String messageId, String declarationId, DocumentType documentType,
                            String originProvince, JsonNode document, List<AgencyReceipt> basedOn,
                            String documentSignature, String submittedBy) {
}
