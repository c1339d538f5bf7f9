package org.singlewindow.security;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS SignedData (RFC 5652) with SM3 digests and SM2 signatures, the GM/T 0010 profile's algorithms:
 * one signer, its certificate inside. Verification says why a signature is refused ({@link Refusal}).
 */
public final class CmsSignatures {

    static {
        Sm2Pki.ensureProvider();
    }

    private CmsSignatures() {
    }

    /** Why a signature was refused; each is a distinct, documented reason code. */
    public enum Refusal {
        /** Not a CMS SignedData with exactly one signer and its certificate. */
        SIGNATURE_MALFORMED,
        /** The signature does not match the content (altered content or a forged signature). */
        SIGNATURE_INVALID,
        /** The signer's certificate was not issued by the federation's root CA. */
        CERTIFICATE_UNTRUSTED,
        /** The signer's certificate is not valid at the time of verification. */
        CERTIFICATE_EXPIRED,
        /** The signer's certificate is on the CA's revocation list. */
        CERTIFICATE_REVOKED
    }

    /** A refused signature. */
    public static final class Refused extends Exception {
        private final Refusal reason;

        public Refused(Refusal reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** A verified signature: who signed. */
    public record Signer(X509Certificate certificate, Sm2Pki.Subject subject) {
    }

    public static byte[] signDetached(byte[] content, PrivateKey key, X509Certificate certificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Sm2Pki.PROVIDER).build())
                    .build(Sm2Pki.signer(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | CMSException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies a detached signature over {@code content}: the signature itself, the signer's certificate chaining
     * to {@code root}, its validity at {@code at}, and that {@code crl} (signed by the root) does not list it.
     */
    public static Signer verifyDetached(byte[] signature, byte[] content, X509Certificate root, X509CRL crl,
                                        Instant at) throws Refused {
        SignerInformation signer;
        X509Certificate certificate;
        try {
            CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new Refused(Refusal.SIGNATURE_MALFORMED, "expected exactly one signer, found " + signers.size());
            }
            signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = data.getCertificates().getMatches(signer.getSID());
            if (certificates.size() != 1) {
                throw new Refused(Refusal.SIGNATURE_MALFORMED, "the signer's certificate is not in the signature");
            }
            certificate = new JcaX509CertificateConverter().setProvider(Sm2Pki.PROVIDER)
                    .getCertificate(certificates.iterator().next());
        } catch (CMSException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new Refused(Refusal.SIGNATURE_MALFORMED, "not a CMS SignedData: " + e.getMessage());
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Sm2Pki.PROVIDER).build(certificate))) {
                throw new Refused(Refusal.SIGNATURE_INVALID, "the signature does not match the document");
            }
        } catch (CMSException | OperatorCreationException e) {
            throw new Refused(Refusal.SIGNATURE_INVALID, "the signature does not verify: " + e.getMessage());
        }
        return trusted(certificate, root, crl, at);
    }

    /**
     * The signer behind a certificate, once the certificate is known to be issued by the federation root, valid at
     * {@code at} and not revoked at {@code at} ({@code CERTIFICATE_UNTRUSTED}, {@code CERTIFICATE_EXPIRED},
     * {@code CERTIFICATE_REVOKED} otherwise). {@code at} is when the signature was made or first accepted: a
     * certificate that expired, or was revoked, after that instant does not undo a signature accepted before it
     * (the CRL entry's revocation date decides). A certificate revoked for compromise with no date would count as
     * revoked since always; a CRL entry always carries its date.
     */
    public static Signer trusted(X509Certificate certificate, X509Certificate root, X509CRL crl, Instant at)
            throws Refused {
        try {
            certificate.verify(root.getPublicKey(), Sm2Pki.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new Refused(Refusal.CERTIFICATE_UNTRUSTED, "the certificate was not issued by the federation CA");
        }
        try {
            certificate.checkValidity(Date.from(at));
        } catch (GeneralSecurityException e) {
            throw new Refused(Refusal.CERTIFICATE_EXPIRED, "the certificate is not valid at " + at);
        }
        X509CRLEntry revoked = crl == null ? null : crl.getRevokedCertificate(certificate);
        if (revoked != null && !revoked.getRevocationDate().toInstant().isAfter(at)) {
            throw new Refused(Refusal.CERTIFICATE_REVOKED, "the certificate was revoked at "
                    + revoked.getRevocationDate().toInstant() + ", before " + at);
        }
        return new Signer(certificate, Sm2Pki.Subject.of(certificate));
    }
}
