package org.singlewindow.node.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.singlewindow.contracts.envelope.BatchProof;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.MerkleTree;
import org.singlewindow.security.Sm2Pki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Signed hops. Every envelope a node sends to another node is signed with the node's SM2 key, in the batch its outbox
 * relay publishes at once ({@link #signBatch}): one signature over the batch's size and SM3 Merkle root of the
 * envelopes' canonical forms (signature fields left out), each envelope carrying its audit path
 * ({@link BatchProof}); the signer's certificate is judged at the batch's signing time (an envelope's own signature:
 * at its creation), {@link FederationTrust#judgedAt}. An envelope with its own signature (no batch) is accepted as
 * well. A receiving node checks that the envelope leads to the signed root and the signature against the
 * federation CA and CRL (the first envelope of a batch verifies the signature; the others find it verified,
 * {@code CmsSignatures}), and that the signer is the node the link belongs to: at a province every message comes
 * from central; at central a message comes from the province that sent it, which must be the province it speaks
 * for (a province cannot speak for another). A refused envelope is counted ({@code sw.envelopes.refused}) and
 * thrown back, so the shared error policy parks it in the dead-letter queue; it is never processed.
 */
@Service
public class EnvelopeSignatures {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeSignatures.class);

    private final FederationTrust trust;
    private final NodeRoleModule role;
    private final PkiProperties pki;
    private final MeterRegistry meters;
    private final NodeKey key;
    private final Clock clock;

    public EnvelopeSignatures(FederationTrust trust, NodeRoleModule role, PkiProperties pki, MeterRegistry meters,
                              NodeKey key, Clock clock) {
        this.trust = trust;
        this.role = role;
        this.pki = pki;
        this.meters = meters;
        this.key = key;
        this.clock = clock;
    }

    /**
     * The envelopes signed by this node as one batch, in the same order: one signature over
     * {@link #batchContent the batch's size and root}, each envelope with its place in the tree. Left unsigned: all
     * of them when this node has no key, and agency requests, which never leave the node (central's own agency link
     * consumes them and signs what it sends the ministry, {@code AgencyRequestSignatures}).
     */
    public List<Envelope> signBatch(List<Envelope> envelopes) {
        List<Envelope> signed = new ArrayList<>(envelopes.size());
        List<Integer> leaving = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            signed.add(envelope.withNodeSignature(null));
            if (key.present() && envelope.messageType() != MessageType.AGENCY_REQUEST) {
                leaving.add(signed.size() - 1);
                contents.add(canonical(envelope));
            }
        }
        if (leaving.isEmpty()) {
            return signed;
        }
        MerkleTree tree = MerkleTree.of(contents);
        Instant signedAt = clock.instant();
        String signature = key.sign(batchContent(tree.size(), signedAt, tree.root()));
        Base64.Encoder base64 = Base64.getEncoder();
        for (int i = 0; i < leaving.size(); i++) {
            int at = leaving.get(i);
            List<String> path = tree.path(i).stream().map(base64::encodeToString).toList();
            signed.set(at, signed.get(at).withBatchSignature(signature,
                    new BatchProof(i, tree.size(), signedAt, path)));
        }
        meters.counter("sw.envelopes.signed.batches").increment();
        meters.counter("sw.envelopes.signed").increment(leaving.size());
        return signed;
    }

    /**
     * Checks an envelope received from another node.
     *
     * @throws EnvelopeRefused naming the reason when it must not be processed
     */
    public void verify(Envelope envelope) {
        if (envelope.nodeSignature() == null) {
            if (pki.requireSignedEnvelopes()) {
                throw refused("UNSIGNED", "envelope " + envelope.messageId() + " is not signed by its sending node");
            }
            return;
        }
        CmsSignatures.Signer signer;
        try {
            signer = CmsSignatures.verifyDetached(Base64.getDecoder().decode(envelope.nodeSignature()),
                    signedContent(envelope), trust.root(), trust.crl(), trust.judgedAt(envelope.batch() == null
                            ? envelope.createdAt() : envelope.batch().signedAt()));
        } catch (CmsSignatures.Refused e) {
            throw refused(e.reason().name(), "envelope " + envelope.messageId() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw refused("SIGNATURE_MALFORMED", "envelope " + envelope.messageId()
                    + ": signature or batch proof malformed (" + e.getMessage() + ")");
        }
        String expected = expectedSigner(envelope);
        if (signer.subject() == null || signer.subject().kind() != Sm2Pki.Kind.NODE
                || !expected.equals(signer.subject().identifier())) {
            throw refused("WRONG_NODE", "envelope " + envelope.messageId() + " is signed by "
                    + (signer.subject() == null ? "an unknown subject" : signer.subject().identifier())
                    + ", but this link belongs to " + expected);
        }
    }

    /** Who must have signed, as the role's module says ({@link NodeRoleModule#expectedSigner}). */
    private String expectedSigner(Envelope envelope) {
        try {
            return role.expectedSigner(envelope);
        } catch (IllegalArgumentException e) {
            throw refused("WRONG_NODE", "envelope " + envelope.messageId() + ": " + e.getMessage());
        }
    }

    /** What the envelope's signature signs: its canonical form, or the batch its path leads to. */
    private static byte[] signedContent(Envelope envelope) {
        BatchProof batch = envelope.batch();
        if (batch == null) {
            return canonical(envelope);
        }
        Base64.Decoder base64 = Base64.getDecoder();
        List<byte[]> path = batch.path().stream().map(base64::decode).toList();
        return batchContent(batch.size(), batch.signedAt(),
                MerkleTree.rootFrom(canonical(envelope), batch.index(), batch.size(), path));
    }

    /** The bytes a node signs for a batch of envelopes: its size, signing time and root, none changeable alone. */
    static byte[] batchContent(int size, Instant signedAt, byte[] root) {
        return ("sw-envelope-batch/1 size=" + size + " signed-at=" + signedAt + " root="
                + HexFormat.of().formatHex(root)).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] canonical(Envelope envelope) {
        return CanonicalJson.canonicalize(Json.MAPPER.valueToTree(envelope.withNodeSignature(null)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private EnvelopeRefused refused(String reason, String message) {
        meters.counter("sw.envelopes.refused", "reason", reason).increment();
        log.warn("envelope refused ({}): {}", reason, message);
        return new EnvelopeRefused(reason, message);
    }

    /** An envelope that must not be processed: parked at once, with its reason. */
    public static final class EnvelopeRefused extends PermanentFailure {

        EnvelopeRefused(String reason, String message) {
            super(reason, message);
        }
    }
}
