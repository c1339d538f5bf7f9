package org.singlewindow.federation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import org.singlewindow.security.XmlDsig;
import org.singlewindow.tools.Pki;
import tools.jackson.databind.JsonNode;

/**
 * Signing as the test federation's parties do, with the keys of its PKI ({@code <dir>/pki}, made by
 * {@code Pki.init}): envelopes by nodes, documents and XML by enterprises, answers by agencies; every signing time
 * from the federation's clock.
 */
public final class TestSigners {

    /** Enterprise key and certificate by USCC, read once from the test PKI. */
    private final Map<String, EnterpriseKey> enterpriseKeys = new ConcurrentHashMap<>();
    private final Path pki;
    private final Clock clock;

    private record EnterpriseKey(java.security.PrivateKey key, java.security.cert.X509Certificate certificate) {
    }

    TestSigners(Path pki, Clock clock) {
        this.pki = pki;
        this.clock = clock;
    }

    /**
     * An envelope signed by a node, as that node's outbox would sign it; a node outside the test federation
     * (e.g. a province that is not running) gets a certificate from the test CA first.
     */
    public Envelope signedBy(String node, Envelope envelope) {
        try {
            if (!Files.exists(pki.resolve("nodes/" + node + ".pem"))) {
                var keys = Sm2Pki.derivedKeyPair(Pki.DEV_SEED, "nodes/" + node);
                var root = Pem.certificate(Files.readString(pki.resolve("ca.pem")));
                var certificate = Sm2Pki.issue(root, Pem.privateKey(Files.readString(pki.resolve("ca-key.pem"))),
                        new Sm2Pki.Subject(Sm2Pki.Kind.NODE, node, "test node " + node), keys.getPublic(),
                        java.math.BigInteger.valueOf(Long.parseLong(node)), clock.instant().minusSeconds(3600),
                        clock.instant().plusSeconds(86_400));
                Files.writeString(pki.resolve("nodes/" + node + ".pem"), Pem.write(certificate));
                Files.writeString(pki.resolve("nodes/" + node + "-key.pem"), Pem.write(keys.getPrivate()));
            }
            byte[] canonical = CanonicalJson.canonicalize(Json.MAPPER.valueToTree(envelope.withNodeSignature(null)))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] signature = CmsSignatures.signDetached(canonical,
                    Pem.privateKey(Files.readString(pki.resolve("nodes/" + node + "-key.pem"))),
                    Pem.certificate(Files.readString(pki.resolve("nodes/" + node + ".pem"))), clock.instant());
            return envelope.withNodeSignature(Base64.getEncoder().encodeToString(signature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The detached signature of a document by its declarant (the key of {@code declarant.uscc} in the test
     * federation's PKI), or null when the document has no declarant with a key.
     */
    public String signature(JsonNode document) {
        String uscc = document.path("declarant").path("uscc").asString("");
        if (uscc.isEmpty() || !Files.exists(pki.resolve("enterprises/" + uscc + "-key.pem"))) {
            return null;
        }
        return signatureBy(uscc, Json.MAPPER.writeValueAsString(document));
    }

    /**
     * Issues a new certificate (random key) from the test CA to an enterprise, kept under pki/enterprises like the
     * local federation's; {@link #signature} and {@link #signatureBy} then sign with it.
     */
    public void issueEnterprise(String uscc, String name) {
        try {
            var keys = Sm2Pki.newKeyPair();
            var root = Pem.certificate(Files.readString(pki.resolve("ca.pem")));
            var certificate = Sm2Pki.issue(root, Pem.privateKey(Files.readString(pki.resolve("ca-key.pem"))),
                    new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, uscc, name), keys.getPublic(),
                    new java.math.BigInteger(62, new java.security.SecureRandom()),
                    clock.instant().minusSeconds(3600), clock.instant().plusSeconds(86_400));
            Files.writeString(pki.resolve("enterprises/" + uscc + ".pem"), Pem.write(certificate));
            Files.writeString(pki.resolve("enterprises/" + uscc + "-key.pem"), Pem.write(keys.getPrivate()));
            enterpriseKeys.remove(uscc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detached signature of a JSON text by an enterprise's current key in the test PKI. */
    public String signatureBy(String uscc, String json) {
        EnterpriseKey signer = enterpriseKeys.computeIfAbsent(uscc, u -> {
            try {
                return new EnterpriseKey(Pem.privateKey(Files.readString(pki.resolve("enterprises/" + u + "-key.pem"))),
                        Pem.certificate(Files.readString(pki.resolve("enterprises/" + u + ".pem"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Pki.sign(signer.key(), signer.certificate(), json, clock.instant());
    }

    /** The XML with an enveloped XML-DSig (SM2/SM3) by an enterprise's current key in the test PKI. */
    public byte[] xmlSignedBy(String uscc, String xml) {
        try {
            return XmlDsig.sign(xml.getBytes(StandardCharsets.UTF_8),
                    Pem.privateKey(Files.readString(pki.resolve("enterprises/" + uscc + "-key.pem"))),
                    Pem.certificate(Files.readString(pki.resolve("enterprises/" + uscc + ".pem"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detached signature of a JSON text by an agency's key in the test PKI. */
    public String agencySignature(String agency, String json) {
        try {
            return Pki.sign(Pem.privateKey(Files.readString(pki.resolve("agencies/" + agency + "-key.pem"))),
                    Pem.certificate(Files.readString(pki.resolve("agencies/" + agency + ".pem"))), json,
                    clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
