package org.singlewindow.contracts.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.singlewindow.contracts.document.DocumentType;
import tools.jackson.databind.JsonNode;

/**
 * The unit of exchange between nodes.
 *
 * @param messageId      unique and stable: retries and redeliveries of the same message keep it; it is the broker's
 *                       duplicate-detection id, the idempotent consumer's key and the ministries' idempotency key
 * @param declarationId  correlation id: the declaration this message is about
 * @param messageType    what the payload is
 * @param documentType   the business document type
 * @param sender         node code of the sender ({@code central} or a province code)
 * @param receiver       destination: {@code central}, {@code agency:<CODE>}, {@code peer:<provinceCode>} (a copy for
 *                       another province) or {@code province:<provinceCode>} (results for its own declarations)
 * @param originProvince province code of the node where the declarant submitted
 * @param createdAt      when the message was created; a province creates a DECLARATION in the transaction that
 *                       accepts the document (its 202), so this is the acceptance time central judges the declarant's
 *                       signature at (bounded by central's clock)
 * @param hops           the trail of hops so far, oldest first
 * @param schemaVersion  version of the payload schema
 * @param payload        the business content, as JSON
 * @param documentSignature for a declaration, the declarant's detached CMS signature (SM3withSM2, Base64 DER) over
 *                       the canonical form of the document; {@code null} otherwise
 * @param submittedBy    for a declaration, the USCC of the enterprise that submitted it when that is not the declarant:
 *                       its customs broker, declaring under a delegation (委托授权), whose key signed the document;
 *                       {@code null} when the declarant submitted itself
 * @param nodeSignature  the sending node's detached CMS signature (SM3withSM2, Base64 DER): without {@code batch},
 *                       over the canonical form of this envelope without these two fields; with it, over the batch
 *                       the envelope was published in ({@link BatchProof}); every hop re-signs what it sends
 * @param batch          where this envelope stands in the batch {@code nodeSignature} signs; {@code null} when the
 *                       signature is the envelope's own
 */
public record Envelope(
        String messageId,
        String declarationId,
        MessageType messageType,
        DocumentType documentType,
        String sender,
        String receiver,
        String originProvince,
        Instant createdAt,
        List<Hop> hops,
        String schemaVersion,
        JsonNode payload,
        String documentSignature,
        String submittedBy,
        String nodeSignature,
        BatchProof batch) {

    /** Current version of the envelope and payload schemas. */
    public static final String SCHEMA_VERSION = "1.0";

    /** An envelope without a document signature. */
    public Envelope(String messageId, String declarationId, MessageType messageType, DocumentType documentType,
                    String sender, String receiver, String originProvince, Instant createdAt, List<Hop> hops,
                    String schemaVersion, JsonNode payload) {
        this(messageId, declarationId, messageType, documentType, sender, receiver, originProvince, createdAt, hops,
                schemaVersion, payload, null, null, null, null);
    }

    /** An envelope carrying a document signature, not yet signed by its sending node. */
    public Envelope(String messageId, String declarationId, MessageType messageType, DocumentType documentType,
                    String sender, String receiver, String originProvince, Instant createdAt, List<Hop> hops,
                    String schemaVersion, JsonNode payload, String documentSignature, String submittedBy) {
        this(messageId, declarationId, messageType, documentType, sender, receiver, originProvince, createdAt, hops,
                schemaVersion, payload, documentSignature, submittedBy, null, null);
    }

    /** A copy signed on its own (or, with {@code null}, unsigned) by the node that sends it. */
    public Envelope withNodeSignature(String signature) {
        return withBatchSignature(signature, null);
    }

    /** A copy carrying its sending node's signature of the batch it was published in, and its place there. */
    public Envelope withBatchSignature(String signature, BatchProof proof) {
        return new Envelope(messageId, declarationId, messageType, documentType, sender, receiver, originProvince,
                createdAt, hops, schemaVersion, payload, documentSignature, submittedBy, signature, proof);
    }

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(messageType, "messageType");
        hops = hops == null ? List.of() : List.copyOf(hops);
    }

    /** A copy with one more hop at the end of the trail; the message id stays the same. */
    public Envelope withHop(Hop hop) {
        List<Hop> trail = new ArrayList<>(hops);
        trail.add(hop);
        return new Envelope(messageId, declarationId, messageType, documentType, sender, receiver, originProvince,
                createdAt, trail, schemaVersion, payload, documentSignature, submittedBy, null, null);
    }
}
