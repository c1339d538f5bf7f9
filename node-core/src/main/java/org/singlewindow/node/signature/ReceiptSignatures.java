package org.singlewindow.node.signature;

import java.time.Clock;
import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.security.Sm2Pki;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agencies' signatures of their receipts (non-repudiation): what an agency answers to a request and what it posts
 * later must be signed by that agency's certificate (kind AGENCY, identifier = its code) over the canonical JSON.
 * Refusals are those of {@link DocumentSignatures} (400 with the reason at the API; in an answer, the delivery
 * fails and, after the retries, the request is parked in its dead-letter queue); the signed content and the
 * signature are kept with every receipt they carried.
 */
@Service
public class ReceiptSignatures {

    /** What an agency signed: canonical JSON and the Base64 signature. */
    public record Signed(String content, String signature) {
    }

    private final DocumentSignatures signatures;
    private final PkiProperties pki;
    private final ReceiptSignatureMapper mapper;
    private final Clock clock;

    public ReceiptSignatures(DocumentSignatures signatures, PkiProperties pki, ReceiptSignatureMapper mapper,
                             Clock clock) {
        this.signatures = signatures;
        this.pki = pki;
        this.mapper = mapper;
        this.clock = clock;
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

    /** Keeps the signature with each of the agency's new receipts it covers (call inside the recording transaction). */
    public void keep(List<AgencyReceipt> fresh, Signed signed) {
        if (signed == null) {
            return;
        }
        for (AgencyReceipt r : fresh) {
            if (r.status() != AgencyStatus.DELIVERED && r.status() != AgencyStatus.SKIPPED) {
                mapper.insert(r.receiptId(), r.agency(), r.declarationId(), signed.content(), signed.signature(),
                        clock.instant());
            }
        }
    }
}
