package org.singlewindow.security;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A node's signed statement that its audit chain had hash {@code hash} at record {@code seq}, made with the node's
 * SM2 key (detached CMS, SM3withSM2). Someone who can write the database but has not the node's key may alter a
 * record and recompute every hash after it, but cannot sign the recomputed chain: the checkpoints it passes no
 * longer match ({@code CHECKPOINT_MISMATCH}).
 *
 * @param seq       the record vouched for
 * @param hash      its hash
 * @param signedAt  when the node signed
 * @param signature Base64 detached CMS over {@link #content}
 */
public record AuditCheckpoint(long seq, String hash, Instant signedAt, String signature) {

    /**
     * The exact bytes signed: the node, the record, its hash and the signing time (to the millisecond, as databases
     * keep it), one per line.
     */
    public static byte[] content(String node, long seq, String hash, Instant signedAt) {
        return ("sw-audit-checkpoint\n" + node + "\n" + seq + "\n" + hash + "\n"
                + signedAt.truncatedTo(ChronoUnit.MILLIS)).getBytes(StandardCharsets.UTF_8);
    }

    public static AuditCheckpoint sign(String node, long seq, String hash, Instant signedAt, PrivateKey key,
                                       X509Certificate certificate) {
        return new AuditCheckpoint(seq, hash, signedAt, Base64.getEncoder().encodeToString(
                CmsSignatures.signDetached(content(node, seq, hash, signedAt), key, certificate, signedAt)));
    }

    /**
     * Checks the signature: made by a NODE certificate for {@code node}, issued by {@code root}, valid when signed.
     *
     * @throws CmsSignatures.Refused with the reason otherwise
     */
    public void verify(String node, X509Certificate root, X509CRL crl) throws CmsSignatures.Refused {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new CmsSignatures.Refused(CmsSignatures.Refusal.SIGNATURE_MALFORMED, "not Base64");
        }
        CmsSignatures.Signer signer = CmsSignatures.verifyDetached(der, content(node, seq, hash, signedAt), root, crl,
                signedAt);
        if (signer.subject() == null || signer.subject().kind() != Sm2Pki.Kind.NODE
                || !node.equals(signer.subject().identifier())) {
            throw new CmsSignatures.Refused(CmsSignatures.Refusal.SIGNATURE_INVALID,
                    "signed by " + signer.subject() + ", not by node " + node);
        }
    }
}
