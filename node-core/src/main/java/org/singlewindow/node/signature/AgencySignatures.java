package org.singlewindow.node.signature;

import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.security.Sm2Pki;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agencies' signatures of what they answer (non-repudiation): an answer to a request and a receipt posted later must
 * be signed by that agency's certificate (kind AGENCY, identifier = its code) over the canonical JSON. Refusals are
 * those of {@link DocumentSignatures} (400 with the reason at the API; in an answer, the delivery fails and, after
 * the retries, the request is parked in its dead-letter queue). Who keeps the signatures is the caller's business
 * (central keeps them with every receipt they carried).
 */
@Service
public class AgencySignatures {

    /** What an agency signed: canonical JSON and the Base64 signature. */
    public record Signed(String content, String signature) {
    }

    private final DocumentSignatures signatures;
    private final PkiProperties pki;

    public AgencySignatures(DocumentSignatures signatures, PkiProperties pki) {
        this.signatures = signatures;
        this.pki = pki;
    }

    /**
     * What an agency signs when it answers a request: its answer together with the request's ids
     * ({@code {"answer", "declarationId", "messageId"}}), so a signed answer cannot be replayed for another request.
     */
    public static JsonNode answered(String declarationId, String messageId, JsonNode answer) {
        ObjectNode signed = Json.MAPPER.createObjectNode();
        signed.set("answer", answer);
        signed.put("declarationId", declarationId);
        signed.put("messageId", messageId);
        return signed;
    }

    /** Verifies an agency's signature of {@code content}; null when unsigned and not required. */
    public Signed verify(JsonNode content, String signature, String agency) {
        if (signatures.signer(content, signature, Sm2Pki.Kind.AGENCY, agency, pki.requireSignedReceipts()) == null) {
            return null;
        }
        return new Signed(CanonicalJson.canonicalize(content), signature.trim());
    }
}
