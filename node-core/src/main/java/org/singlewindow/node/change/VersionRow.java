package org.singlewindow.node.change;

import java.time.Instant;

import org.singlewindow.node.atrest.SealedText;

/**
 * One version of a document ({@code document_version}), never changed once written.
 *
 * @param contentHash SHA-256 of the version's canonical JSON
 * @param payload     the document, sealed for this version
 * @param signature   the declarant's (or broker's) signature of the request that brought it; null for an unsigned
 *                    first version
 * @param signer      whose key made it (USCC)
 * @param changeId    the amendment that brought it; null for version 1
 */
public record VersionRow(String declarationId, int version, String contentHash, SealedText payload,
                         String signature, String signer, String changeId, Instant createdAt) {

    public static SealedText seal(String declarationId, int version, String document) {
        return SealedText.of(binding(declarationId, version), document);
    }

    public String document() {
        return payload.open(binding(declarationId, version));
    }

    private static String binding(String declarationId, int version) {
        return "version:" + declarationId + ":" + version;
    }
}
