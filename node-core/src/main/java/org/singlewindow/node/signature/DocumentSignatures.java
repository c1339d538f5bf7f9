package org.singlewindow.node.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import org.singlewindow.contracts.eport.DecMessageMapper;
import org.singlewindow.contracts.eport.WithdrawalXml;
import org.singlewindow.contracts.eport.XmlRejected;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Sm2Pki;
import org.singlewindow.security.XmlDsig;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Verifies and keeps declarants' document signatures. */
@Service
public class DocumentSignatures {

    /** The request header carrying the signature. */
    public static final String HEADER = "X-SW-Signature";
    private static final int MAX_SIGNATURE_CHARS = 16_384;
    /**
     * A document signed as E-Port XML travels as its signed {@code DecMessage}: this prefix, then the XML in Base64.
     */
    public static final String XML_PREFIX = "xmldsig:";
    private static final int MAX_XML_SIGNATURE_CHARS = 512 * 1024;

    private final FederationTrust trust;
    private final SignatureMapper signatures;
    private final MeterRegistry meters;
    private final Clock clock;

    public DocumentSignatures(FederationTrust trust, SignatureMapper signatures, MeterRegistry meters, Clock clock) {
        this.trust = trust;
        this.signatures = signatures;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Verifies a declarant's signature of a document.
     *
     * @return the signature to keep, or {@code null} when none was given and none is required
     * @throws Refusal 400 naming the reason when the signature is missing, malformed, invalid, not from the
     *                      federation's CA, expired, revoked or not the declarant's
     */
    public String verify(JsonNode document, String signature, String declarantUscc) {
        return verify(document, signature, declarantUscc, null);
    }

    /**
     * Verifies a signature by the enterprise {@code signerUscc}; when {@code boundCertSha256} is given (the
     * certificate the enterprise registered at central, from the caller's token), the signer's certificate must
     * be that one ({@code CERTIFICATE_NOT_REGISTERED} otherwise).
     */
    public String verify(JsonNode document, String signature, String signerUscc, String boundCertSha256) {
        CmsSignatures.Signer signer = signer(document, signature, Sm2Pki.Kind.ENTERPRISE, signerUscc, trust.required(),
                clock.instant());
        if (signer == null) {
            return null;
        }
        if (boundCertSha256 != null && !boundCertSha256.equals(sha256(signer.certificate()))) {
            throw refused("CERTIFICATE_NOT_REGISTERED", "the signer's certificate is not the one enterprise "
                    + signerUscc + " registered at central", "签名证书不是企业 " + signerUscc + " 在中央节点登记的证书");
        }
        return signature.trim();
    }

    /** SHA-256 (hex) of a certificate's DER encoding: how a registered certificate is named in tokens. */
    public static String sha256(java.security.cert.X509Certificate certificate) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies a declarant's signature as it stood when the document was accepted, at {@code acceptedAt}: a
     * certificate that expired or was revoked while the document waited in a queue does not undo it (central, for
     * what a province accepted).
     *
     * @return the signature to keep, or {@code null} when none was given and none is required
     */
    public String verifyAcceptedAt(JsonNode document, String signature, String signerUscc, Instant acceptedAt) {
        return signer(document, signature, Sm2Pki.Kind.ENTERPRISE, signerUscc, trust.required(), acceptedAt) == null
                ? null : signature.trim();
    }

    /**
     * The acceptance time a signed envelope claims for its document, as signatures are judged at it
     * ({@link FederationTrust#judgedAt}).
     */
    public Instant acceptedAt(Instant claimed) {
        return trust.judgedAt(claimed);
    }

    /**
     * The verified signer of a document: its certificate chains to the federation root, is in force and not
     * revoked, and names enterprise {@code signerUscc}. Null when no signature was given and none is required.
     */
    public CmsSignatures.Signer signer(JsonNode document, String signature, String signerUscc) {
        return signer(document, signature, Sm2Pki.Kind.ENTERPRISE, signerUscc, trust.required(), clock.instant());
    }

    /**
     * The verified signer of some JSON content: its certificate chains to the federation root, is in force and not
     * revoked, and is of the given kind with the given identifier (SIGNER_MISMATCH otherwise). Null when no
     * signature was given and none is {@code required}.
     */
    public CmsSignatures.Signer signer(JsonNode document, String signature, Sm2Pki.Kind kind, String identifier,
                                       boolean required) {
        return signer(document, signature, kind, identifier, required, clock.instant());
    }

    private CmsSignatures.Signer signer(JsonNode document, String signature, Sm2Pki.Kind kind, String identifier,
                                        boolean required, Instant at) {
        if (signature == null || signature.isBlank()) {
            if (required) {
                throw refused("SIGNATURE_MISSING", "this must be signed: send the detached CMS signature (SM3withSM2) "
                        + "of its canonical form by " + identifier + " in " + HEADER, "须经签名：请在 " + HEADER
                        + " 中提供 " + identifier + " 对其规范化形式的 SM2 分离式签名");
            }
            return null;
        }
        if (trust.root() == null) {
            throw refused("SIGNATURE_UNCHECKABLE", "this node has no federation root certificate to check signatures",
                    "本节点未配置根证书，无法验证签名");
        }
        if (signature.startsWith(XML_PREFIX)) {
            return matching(xmlSigner(document, signature, at), kind, identifier);
        }
        byte[] der;
        try {
            if (signature.length() > MAX_SIGNATURE_CHARS) {
                throw new IllegalArgumentException("too long");
            }
            der = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw refused("SIGNATURE_MALFORMED", "the signature is not Base64 DER (at most " + MAX_SIGNATURE_CHARS
                    + " characters)", "签名不是 Base64 编码的 DER");
        }
        byte[] canonical;
        try {
            canonical = CanonicalJson.canonicalize(document).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused("SIGNATURE_MALFORMED", "the content has no RFC 8785 form to check a signature against: "
                    + e.getMessage(), "内容无法按 RFC 8785 规范化（数值超出双精度范围），无法验证签名");
        }
        CmsSignatures.Signer signer;
        try {
            signer = CmsSignatures.verifyDetached(der, canonical, trust.root(), trust.crl(), at);
        } catch (CmsSignatures.Refused e) {
            throw refused(e.reason().name(), e.getMessage(), zh(e.reason()));
        }
        return matching(signer, kind, identifier);
    }

    private CmsSignatures.Signer matching(CmsSignatures.Signer signer, Sm2Pki.Kind kind, String identifier) {
        if (signer.subject() == null || signer.subject().kind() != kind
                || !identifier.equals(signer.subject().identifier())) {
            throw refused("SIGNER_MISMATCH", "the signer's certificate is not that of " + kind + " " + identifier,
                    "签名证书不属于 " + identifier);
        }
        return signer;
    }

    /**
     * An E-Port style signed {@code DecMessage} or {@code DecWithdrawal} ({@value #XML_PREFIX} + Base64 of the XML
     * with its enveloped XML-DSig): the XML signature must verify and the XML must map to exactly this document (or
     * withdrawal, {@link WithdrawalXml}).
     */
    private CmsSignatures.Signer xmlSigner(JsonNode document, String signature, Instant at) {
        byte[] xml;
        try {
            if (signature.length() > MAX_XML_SIGNATURE_CHARS) {
                throw new IllegalArgumentException("too long");
            }
            xml = Base64.getDecoder().decode(signature.substring(XML_PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            throw refused("SIGNATURE_MALFORMED", "the signed XML is not Base64 (at most " + MAX_XML_SIGNATURE_CHARS
                    + " characters)", "签名报文不是 Base64 编码");
        }
        CmsSignatures.Signer signer;
        try {
            signer = XmlDsig.verify(xml, trust.root(), trust.crl(), at);
        } catch (CmsSignatures.Refused e) {
            throw refused(e.reason().name(), e.getMessage(), zh(e.reason()));
        }
        JsonNode signed;
        try {
            signed = WithdrawalXml.isWithdrawal(xml) ? WithdrawalXml.read(xml).content()
                    : new DecMessageMapper().read(xml, true);
        } catch (XmlRejected e) {
            throw refused("SIGNATURE_MALFORMED", "the signed XML is not a mappable DecMessage or DecWithdrawal",
                    "签名报文不是可映射的 DecMessage 或 DecWithdrawal");
        }
        if (!sameCanonicalForm(signed, document)) {
            throw refused("SIGNATURE_INVALID", "the signed XML is not this document", "签名报文与单证内容不符");
        }
        return signer;
    }

    private static boolean sameCanonicalForm(JsonNode a, JsonNode b) {
        try {
            return CanonicalJson.canonicalize(a).equals(CanonicalJson.canonicalize(b));
        } catch (IllegalArgumentException notCanonical) {
            return false;
        }
    }

    /**
     * Keeps a verified signature with the declaration (same transaction as the declaration), with the instant it was
     * judged valid at (the acceptance time).
     */
    public void keep(String declarationId, String signature, String signer, Instant validAt) {
        signatures.insert(declarationId, signature, signer, clock.instant(), validAt);
    }

    public String signatureOf(String declarationId) {
        return signatures.signatureOf(declarationId);
    }

    private Refusal refused(String reason, String en, String zh) {
        meters.counter("sw.signatures.refused", "reason", reason).increment();
        return new Refusal(Refusal.Kind.INVALID, reason, "Signature refused", "签名未通过验证", en, zh);
    }

    private static String zh(CmsSignatures.Refusal reason) {
        return switch (reason) {
            case SIGNATURE_MALFORMED -> "签名格式错误：应为含签名证书的 CMS SignedData";
            case SIGNATURE_INVALID -> "签名与单证内容不符（内容被改动或签名伪造）";
            case CERTIFICATE_UNTRUSTED -> "签名证书不是联盟根证书签发的";
            case CERTIFICATE_EXPIRED -> "签名证书不在有效期内";
            case CERTIFICATE_REVOKED -> "签名证书已被吊销";
        };
    }
}
