package org.singlewindow.security;

import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Map;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * SM3withSM2 (GB/T 32918, OID 1.2.156.10197.1.501, the default user id) on BouncyCastle's own {@link SM2Signer},
 * with the work that depends only on the key done once per key instead of once per message. The JCA signature
 * re-derives the signer's public point (a full scalar multiplication) at every initialization, and a public key
 * decoded afresh from a certificate loses the point's precomputed multiples, which verification reuses: here a
 * signer is initialized once per key and thread, and a verifying key is one {@link ECPublicKeyParameters} per
 * certificate, kept while the certificate is in use ({@link CmsSignatures} keeps them). The arithmetic and the
 * encoding (DER SEQUENCE of r and s) are BouncyCastle's, so signatures are those of the JCA signature, which verifies
 * them and whose signatures these verify.
 */
final class Sm2Operators {

    static final AlgorithmIdentifier SM3_WITH_SM2 = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SIGNING_KEYS = 64;
    /**
     * One initialized signer per thread for each of the last key objects that signed (a node has one), by identity:
     * an EC key's own hash code is computed from its parameters at every call.
     */
    private static final Map<KeyIdentity, ThreadLocal<SM2Signer>> SIGNERS = Lru.map(MAX_SIGNING_KEYS);

    private Sm2Operators() {
    }

    /** A content signer for one signature with {@code key} (an SM2 private key of the BouncyCastle provider). */
    static ContentSigner signer(PrivateKey key) {
        ThreadLocal<SM2Signer> perThread;
        synchronized (SIGNERS) {
            perThread = SIGNERS.computeIfAbsent(new KeyIdentity(key), k -> {
                ECPrivateKeyParameters parameters = privateParameters(key);
                return ThreadLocal.withInitial(() -> {
                    SM2Signer signer = new SM2Signer();
                    signer.init(true, new ParametersWithRandom(parameters, RANDOM));
                    return signer;
                });
            });
        }
        SM2Signer signer = perThread.get();
        signer.reset(); // nothing left over from a signature that was started and abandoned
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return SM3_WITH_SM2;
            }

            @Override
            public OutputStream getOutputStream() {
                return into(signer);
            }

            @Override
            public byte[] getSignature() {
                try {
                    return signer.generateSignature();
                } catch (CryptoException e) {
                    throw new RuntimeOperatorException("SM2 signing failed: " + e.getMessage(), e);
                }
            }
        };
    }

    /** Verifiers of SM3withSM2 signatures by the holder of {@code certificate}, whose key is {@code key}. */
    static ContentVerifierProvider verifiers(X509CertificateHolder certificate, ECPublicKeyParameters key) {
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return true;
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return certificate;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                if (!SM3_WITH_SM2.getAlgorithm().equals(algorithm.getAlgorithm())) {
                    throw new OperatorCreationException("not an SM3withSM2 signature: " + algorithm.getAlgorithm());
                }
                SM2Signer verifier = new SM2Signer();
                verifier.init(false, key);
                return new ContentVerifier() {
                    @Override
                    public AlgorithmIdentifier getAlgorithmIdentifier() {
                        return SM3_WITH_SM2;
                    }

                    @Override
                    public OutputStream getOutputStream() {
                        return into(verifier);
                    }

                    @Override
                    public boolean verify(byte[] signature) {
                        return verifier.verifySignature(signature);
                    }
                };
            }
        };
    }

    private record KeyIdentity(PrivateKey key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyIdentity k && k.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    private static ECPrivateKeyParameters privateParameters(PrivateKey key) {
        try {
            return (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
        } catch (java.security.InvalidKeyException | ClassCastException e) {
            throw new IllegalArgumentException("not an SM2 private key: " + e.getMessage(), e);
        }
    }

    private static OutputStream into(SM2Signer signer) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                signer.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                signer.update(b, off, len);
            }
        };
    }
}
