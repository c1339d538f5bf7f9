package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

class PkiAndSignaturesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    private static final KeyPair CA = Sm2Pki.derivedKeyPair("test-seed", "ca");
    private static final X509Certificate ROOT = Sm2Pki.rootCertificate(CA, "Test Root", NOW.minus(1, ChronoUnit.DAYS),
            NOW.plus(3650, ChronoUnit.DAYS));
    private static final KeyPair ACME = Sm2Pki.derivedKeyPair("test-seed", "91310115MA1H7G0X0M");
    private static final X509Certificate ACME_CERT = Sm2Pki.issue(ROOT, CA.getPrivate(),
            new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, "91310115MA1H7G0X0M", "上海某某进出口有限公司"), ACME.getPublic(),
            BigInteger.valueOf(1001), NOW.minus(1, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS));
    private static final X509CRL EMPTY_CRL = Sm2Pki.crl(ROOT, CA.getPrivate(), List.of(), NOW, NOW.plus(7, ChronoUnit.DAYS));
    private static final byte[] DOCUMENT = "{\"documentType\":\"GOODS_DECLARATION\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void certificates_should_be_sm2_with_sm3_and_name_their_subject() {
        assertThat(ROOT.getSigAlgOID()).isEqualTo("1.2.156.10197.1.501");
        assertThat(ACME_CERT.getSigAlgOID()).isEqualTo("1.2.156.10197.1.501");
        assertThat(Sm2Pki.Subject.of(ACME_CERT)).isEqualTo(new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE,
                "91310115MA1H7G0X0M", "上海某某进出口有限公司"));
        assertThat(Sm2Pki.derivedKeyPair("test-seed", "ca").getPublic()).isEqualTo(CA.getPublic());
        assertThat(Sm2Pki.derivedKeyPair("other-seed", "ca").getPublic()).isNotEqualTo(CA.getPublic());
    }

    @Test
    void a_detached_signature_should_verify_and_name_its_signer() throws Exception {
        byte[] signature = CmsSignatures.signDetached(DOCUMENT, ACME.getPrivate(), ACME_CERT);
        CmsSignatures.Signer signer = CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, EMPTY_CRL, NOW);
        assertThat(signer.subject().identifier()).isEqualTo("91310115MA1H7G0X0M");
    }

    @Test
    void every_refusal_should_have_its_reason() {
        byte[] signature = CmsSignatures.signDetached(DOCUMENT, ACME.getPrivate(), ACME_CERT);
        assertRefused(() -> CmsSignatures.verifyDetached(signature, "{}".getBytes(StandardCharsets.UTF_8), ROOT,
                EMPTY_CRL, NOW), CmsSignatures.Refusal.SIGNATURE_INVALID);
        assertRefused(() -> CmsSignatures.verifyDetached("garbage".getBytes(StandardCharsets.UTF_8), DOCUMENT, ROOT,
                EMPTY_CRL, NOW), CmsSignatures.Refusal.SIGNATURE_MALFORMED);
        assertRefused(() -> CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, EMPTY_CRL,
                NOW.plus(400, ChronoUnit.DAYS)), CmsSignatures.Refusal.CERTIFICATE_EXPIRED);
        X509CRL revoked = Sm2Pki.crl(ROOT, CA.getPrivate(), List.of(BigInteger.valueOf(1001)), NOW, NOW.plus(7, ChronoUnit.DAYS));
        assertRefused(() -> CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, revoked, NOW),
                CmsSignatures.Refusal.CERTIFICATE_REVOKED);
        KeyPair rogueCa = Sm2Pki.derivedKeyPair("rogue", "ca");
        X509Certificate rogueRoot = Sm2Pki.rootCertificate(rogueCa, "Test Root", NOW.minus(1, ChronoUnit.DAYS),
                NOW.plus(10, ChronoUnit.DAYS));
        X509Certificate forged = Sm2Pki.issue(rogueRoot, rogueCa.getPrivate(), Sm2Pki.Subject.of(ACME_CERT),
                ACME.getPublic(), BigInteger.TEN, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(10, ChronoUnit.DAYS));
        assertRefused(() -> CmsSignatures.verifyDetached(CmsSignatures.signDetached(DOCUMENT, ACME.getPrivate(), forged),
                DOCUMENT, ROOT, EMPTY_CRL, NOW), CmsSignatures.Refusal.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void keys_certificates_and_crls_should_survive_pem() {
        assertThat(Pem.certificate(Pem.write(ACME_CERT))).isEqualTo(ACME_CERT);
        assertThat(Pem.privateKey(Pem.write(ACME.getPrivate()))).isEqualTo(ACME.getPrivate());
        assertThat(Pem.crl(Pem.write(EMPTY_CRL))).isEqualTo(EMPTY_CRL);
    }

    interface Verification {
        void run() throws Exception;
    }

    private static void assertRefused(Verification verification, CmsSignatures.Refusal reason) {
        assertThatThrownBy(verification::run).isInstanceOfSatisfying(CmsSignatures.Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
