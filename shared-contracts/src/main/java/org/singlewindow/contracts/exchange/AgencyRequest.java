package org.singlewindow.contracts.exchange;

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
 */
public record AgencyRequest(String messageId, String declarationId, DocumentType documentType,
                            String originProvince, JsonNode document) {
}
