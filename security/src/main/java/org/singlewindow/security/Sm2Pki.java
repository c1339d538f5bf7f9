package org.singlewindow.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The federation PKI on SM2 (GB/T 32918) with SM3withSM2 signatures: a root CA at central issues certificates to
 * nodes, agencies and enterprises, and revokes them by CRL. A subject's identity is in its distinguished name:
 * {@code OU} is its kind ({@link Kind}) and {@code SERIALNUMBER} its identifier (node code, agency code or USCC).
 */
public final class Sm2Pki {

    /** The JCA name of the signature algorithm (OID 1.2.156.10197.1.501). */
    public static final String SIGNATURE = "SM3withSM2";
    static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;
    private static final ECNamedCurveParameterSpec CURVE = ECNamedCurveTable.getParameterSpec("sm2p256v1");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private Sm2Pki() {
    }

    /** Makes sure the BouncyCastle provider is registered (this class's initialization does it). */
    static void ensureProvider() {
        // the static initializer above has run once this method is called
    }

    /** What a certificate is for. */
    public enum Kind {
        /** The federation's root certificate authority. */
        CA,
        /** A node (central or a province); identifier = node code. */
        NODE,
        /** A port agency's system; identifier = agency code. */
        AGENCY,
        /** An enterprise (declarant); identifier = its USCC. */
        ENTERPRISE
    }

    /** A certificate's subject. */
    public record Subject(Kind kind, String identifier, String name) {

        X500Name x500() {
            return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, "Single Window")
                    .addRDN(BCStyle.OU, kind.name()).addRDN(BCStyle.SERIALNUMBER, identifier)
                    .addRDN(BCStyle.CN, name).build();
        }

        /** Reads the subject of a certificate this PKI issued; null when it is not one of ours. */
        public static Subject of(X509Certificate certificate) {
            X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            Map<String, String> values = new java.util.HashMap<>();
            for (var rdn : name.getRDNs()) {
                values.put(rdn.getFirst().getType().getId(), rdn.getFirst().getValue().toString());
            }
            try {
                return new Subject(Kind.valueOf(values.get(BCStyle.OU.getId())), values.get(BCStyle.SERIALNUMBER.getId()),
                        values.get(BCStyle.CN.getId()));
            } catch (IllegalArgumentException | NullPointerException e) {
                return null;
            }
        }
    }

    /**
     * An SM2 key pair derived from a seed and a name: the same seed always gives the same keys. For the local
     * federation's reproducible dev keys only; production keys come from {@link #newKeyPair()} or an HSM.
     */
    public static KeyPair derivedKeyPair(String seed, String name) {
        BigInteger n = CURVE.getN();
        BigInteger d = new BigInteger(1, Sm3.digest((seed + "\u0000" + name).getBytes(StandardCharsets.UTF_8)))
                .mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        try {
            KeyFactory factory = KeyFactory.getInstance("EC", PROVIDER);
            PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(d, CURVE));
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(CURVE.getG().multiply(d).normalize(), CURVE));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh random SM2 key pair. */
    public static KeyPair newKeyPair() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new java.security.spec.ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The self-signed root certificate. */
    public static X509Certificate rootCertificate(KeyPair ca, String name, Instant from, Instant to) {
        Subject subject = new Subject(Kind.CA, "ROOT", name);
        return build(subject.x500(), ca.getPrivate(), subject.x500(), ca.getPublic(), BigInteger.ONE, from, to, true);
    }

    /** A certificate for {@code subject}'s public key, signed by the CA. */
    public static X509Certificate issue(X509Certificate caCertificate, PrivateKey caKey, Subject subject,
                                        PublicKey subjectKey, BigInteger serial, Instant from, Instant to) {
        X500Name issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        return build(issuer, caKey, subject.x500(), subjectKey, serial, from, to, false);
    }

    /** A certificate's revocation: its serial number and when it was revoked (kept as it is when the CRL is re-issued). */
    public record Revocation(BigInteger serial, Instant at) {
    }

    /** A CRL listing the revocations, each with its own date, signed by the CA. */
    public static X509CRL crl(X509Certificate caCertificate, PrivateKey caKey, List<Revocation> revoked,
                              Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(caCertificate, Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Revocation r : revoked) {
                builder.addCRLEntry(r.serial(), Date.from(r.at()), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().setProvider(PROVIDER).getCRL(builder.build(signer(caKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(X500Name issuer, PrivateKey signingKey, X500Name subject, PublicKey key,
                                         BigInteger serial, Instant from, Instant to, boolean ca) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from),
                    Date.from(to), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(builder.build(signer(signingKey)));
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A signer for the key. One SecureRandom serves every signature: a fresh one per signature (the builder's
     * default) costs tens of milliseconds to seed, which made signing 100× slower than the SM2 arithmetic.
     */
    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE).setProvider(PROVIDER).setSecureRandom(RANDOM).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
