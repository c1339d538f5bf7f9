package org.singlewindow.contracts.exchange;

import org.singlewindow.contracts.change.ChangeKind;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Province to central: a declarant's amendment or cancellation. The declarant's (or its broker's) signature over
 * {@link #signedContent} travels as the envelope's document signature, so central checks it again.
 *
 * @param changeId   the change, named by the province that took it
 * @param kind       amendment or cancellation
 * @param version    an amendment's new version number (2 for the first amendment); 0 for a cancellation
 * @param reasonCode the reason, from the change reason code list
 * @param reasonText the reason as the declarant wrote it
 * @param document   an amendment's whole new version; null for a cancellation
 */
public record ChangeRequest(String changeId, ChangeKind kind, int version, String reasonCode, String reasonText,
                            JsonNode document) {

    /**
     * What the declarant signs: an amendment's new document (like a submission), or for a cancellation
     * {@code {"declarationId", "reasonCode", "reasonText"}} (canonical JSON), which binds it to the document.
     */
    public JsonNode signedContent(String declarationId) {
        return kind == ChangeKind.AMENDMENT ? document : cancellation(declarationId, reasonCode, reasonText);
    }

    /** The content a cancellation's signature covers. */
    public static ObjectNode cancellation(String declarationId, String reasonCode, String reasonText) {
        ObjectNode signed = Json.MAPPER.createObjectNode();
        signed.put("declarationId", declarationId);
        signed.put("reasonCode", reasonCode);
        signed.put("reasonText", reasonText);
        return signed;
    }
}
