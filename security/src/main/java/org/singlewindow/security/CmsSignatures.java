package org.singlewindow.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
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

    private static final int MAX_VERIFIED = 10_000;
    private static final int MAX_CERTIFICATES = 4_096;
    private static final DigestCalculatorProvider DIGESTS;
    /** Signatures verified over their content (SM3 of both, hex) → the signer's certificate. */
    private static final Map<String, KnownCertificate> VERIFIED = Lru.map(MAX_VERIFIED);
    /** Certificates seen in signatures, by their DER encoding. */
    private static final Map<ByteBuffer, KnownCertificate> CERTIFICATES = Lru.map(MAX_CERTIFICATES);
    /** SM2 signature verifications actually computed in this JVM (those found verified before not counted). */
    private static final LongAdder VERIFICATIONS = new LongAdder();

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().setProvider(Sm2Pki.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
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

    /**
     * A detached signature of {@code content} whose signed {@code signingTime} attribute is {@code signedAt}: the
     * caller's clock, never the machine's, so that what is signed and what is checked agree on the time (a verifier
     * refuses a certificate that was not valid at the signing time the signature states).
     */
    public static byte[] signDetached(byte[] content, PrivateKey key, X509Certificate certificate, Instant signedAt) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            AttributeTable signingTime = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(signedAt)))));
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(DIGESTS)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
                    .build(Sm2Operators.signer(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | CMSException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies a detached signature over {@code content}: the signature itself, the signer's certificate chaining
     * to {@code root}, its validity at {@code at}, and that {@code crl} (signed by the root) does not list it.
     * <p>Work that cannot change is done once per node: a signature already verified over the same content is not
     * verified again (the last {@value #MAX_VERIFIED} are remembered by the SM3 digest of both), and a certificate's
     * issuance by the root is checked once, its verifying key kept with its precomputed point multiples (the last
     * {@value #MAX_CERTIFICATES} certificates). Validity at {@code at} and revocation in {@code crl} are checked at
     * every call.
     */
    public static Signer verifyDetached(byte[] signature, byte[] content, X509Certificate root, X509CRL crl,
                                        Instant at) throws Refused {
        String id = Sm3.hex(signature) + Sm3.hex(content);
        KnownCertificate signer;
        synchronized (VERIFIED) {
            signer = VERIFIED.get(id);
        }
        if (signer == null) {
            signer = verifySignature(signature, content);
            synchronized (VERIFIED) {
                VERIFIED.put(id, signer);
            }
        }
        return trusted(signer, root, crl, at);
    }

    /** How many signatures this JVM has verified by computation, for the benchmark's cost figures. */
    public static long verifications() {
        return VERIFICATIONS.sum();
    }

    private static KnownCertificate verifySignature(byte[] signature, byte[] content) throws Refused {
        VERIFICATIONS.increment();
        SignerInformation signer;
        KnownCertificate certificate;
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
            certificate = known(certificates.iterator().next());
        } catch (CMSException | GeneralSecurityException | IllegalArgumentException | ClassCastException
                 | java.io.IOException e) {
            throw new Refused(Refusal.SIGNATURE_MALFORMED, "not a CMS SignedData: " + e.getMessage());
        }
        try {
            if (!signer.verify(new SignerInformationVerifier(new DefaultCMSSignatureAlgorithmNameGenerator(),
                    new DefaultSignatureAlgorithmIdentifierFinder(),
                    Sm2Operators.verifiers(certificate.holder(), certificate.key()), DIGESTS))) {
                throw new Refused(Refusal.SIGNATURE_INVALID, "the signature does not match the document");
            }
        } catch (CMSException e) {
            throw new Refused(Refusal.SIGNATURE_INVALID, "the signature does not verify: " + e.getMessage());
        }
        return certificate;
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
            return trusted(known(new X509CertificateHolder(certificate.getEncoded())), root, crl, at);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new Refused(Refusal.SIGNATURE_MALFORMED, "the certificate does not parse: " + e.getMessage());
        }
    }

    private static Signer trusted(KnownCertificate known, X509Certificate root, X509CRL crl, Instant at)
            throws Refused {
        X509Certificate certificate = known.certificate();
        if (!root.equals(known.issuedBy)) {
            try {
                certificate.verify(root.getPublicKey(), Sm2Pki.PROVIDER);
            } catch (GeneralSecurityException e) {
                throw new Refused(Refusal.CERTIFICATE_UNTRUSTED, "the certificate was not issued by the federation CA");
            }
            known.issuedBy = root;
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
        return known.signer();
    }

    /** A certificate seen in a signature: parsed once, its key kept, and whether the root issued it once checked. */
    private static final class KnownCertificate {
        private final X509CertificateHolder holder;
        private final Signer signer;
        private final ECPublicKeyParameters key;
        /** The root this certificate was verified to be issued by (null until checked). */
        private volatile X509Certificate issuedBy;

        KnownCertificate(X509CertificateHolder holder) throws GeneralSecurityException {
            this.holder = holder;
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Sm2Pki.PROVIDER)
                    .getCertificate(holder);
            this.signer = new Signer(certificate, Sm2Pki.Subject.of(certificate));
            this.key = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(certificate.getPublicKey());
        }

        X509CertificateHolder holder() {
            return holder;
        }

        X509Certificate certificate() {
            return signer.certificate();
        }

        Signer signer() {
            return signer;
        }

        ECPublicKeyParameters key() {
            return key;
        }
    }

    private static KnownCertificate known(X509CertificateHolder holder) throws GeneralSecurityException,
            java.io.IOException {
        ByteBuffer der = ByteBuffer.wrap(holder.getEncoded());
        synchronized (CERTIFICATES) {
            KnownCertificate known = CERTIFICATES.get(der);
            if (known != null) {
                return known;
            }
        }
        KnownCertificate fresh = new KnownCertificate(holder);
        synchronized (CERTIFICATES) {
            KnownCertificate raced = CERTIFICATES.putIfAbsent(der, fresh);
            return raced == null ? fresh : raced;
        }
    }
}
