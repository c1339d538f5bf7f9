package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.singlewindow.security.TestPki.ACME;
import static org.singlewindow.security.TestPki.ACME_CERT;
import static org.singlewindow.security.TestPki.CA;
import static org.singlewindow.security.TestPki.EMPTY_CRL;
import static org.singlewindow.security.TestPki.NOW;
import static org.singlewindow.security.TestPki.ROOT;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

class PkiAndSignaturesTest {

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
        byte[] signature = CmsSignatures.signDetached(DOCUMENT, ACME.getPrivate(), ACME_CERT, NOW);
        CmsSignatures.Signer signer = CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, EMPTY_CRL, NOW);
        assertThat(signer.subject().identifier()).isEqualTo("91310115MA1H7G0X0M");
    }

    @Test
    void every_refusal_should_have_its_reason() {
        byte[] signature = CmsSignatures.signDetached(DOCUMENT, ACME.getPrivate(), ACME_CERT, NOW);
        assertRefused(() -> CmsSignatures.verifyDetached(signature, "{}".getBytes(StandardCharsets.UTF_8), ROOT,
                EMPTY_CRL, NOW), CmsSignatures.Refusal.SIGNATURE_INVALID);
        assertRefused(() -> CmsSignatures.verifyDetached("garbage".getBytes(StandardCharsets.UTF_8), DOCUMENT, ROOT,
                EMPTY_CRL, NOW), CmsSignatures.Refusal.SIGNATURE_MALFORMED);
        assertRefused(() -> CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, EMPTY_CRL,
                NOW.plus(400, ChronoUnit.DAYS)), CmsSignatures.Refusal.CERTIFICATE_EXPIRED);
        X509CRL revoked = Sm2Pki.crl(ROOT, CA.getPrivate(), List.of(new Sm2Pki.Revocation(BigInteger.valueOf(1001), NOW)), NOW, NOW.plus(7, ChronoUnit.DAYS));
        assertRefused(() -> CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, revoked, NOW),
                CmsSignatures.Refusal.CERTIFICATE_REVOKED);
        X509Certificate forged = TestPki.forgedCopyOf(ACME_CERT, ACME);
        byte[] byForged = CmsSignatures.signDetached(DOCUMENT, ACME.getPrivate(), forged, NOW);
        assertRefused(() -> CmsSignatures.verifyDetached(byForged, DOCUMENT, ROOT, EMPTY_CRL, NOW),
                CmsSignatures.Refusal.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void a_signature_should_be_judged_at_the_time_it_was_accepted_not_undone_by_a_later_revocation_or_expiry()
            throws Exception {
        byte[] signature = CmsSignatures.signDetached(DOCUMENT, ACME.getPrivate(), ACME_CERT, NOW);
        Instant revokedAt = NOW.plus(2, ChronoUnit.HOURS);
        X509CRL later = Sm2Pki.crl(ROOT, CA.getPrivate(), List.of(new Sm2Pki.Revocation(BigInteger.valueOf(1001),
                revokedAt)), revokedAt, revokedAt.plus(7, ChronoUnit.DAYS));
        assertThat(CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, later, NOW).subject().identifier())
                .as("accepted before the revocation").isEqualTo("91310115MA1H7G0X0M");
        assertRefused(() -> CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, later, revokedAt),
                CmsSignatures.Refusal.CERTIFICATE_REVOKED);
        assertRefused(() -> CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, later, revokedAt.plusSeconds(1)),
                CmsSignatures.Refusal.CERTIFICATE_REVOKED);
        Instant afterExpiry = ACME_CERT.getNotAfter().toInstant().plusSeconds(1);
        assertThat(CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, EMPTY_CRL, NOW)).isNotNull();
        assertRefused(() -> CmsSignatures.verifyDetached(signature, DOCUMENT, ROOT, EMPTY_CRL, afterExpiry),
                CmsSignatures.Refusal.CERTIFICATE_EXPIRED);
    }

    @Test
    void a_reissued_crl_should_keep_each_revocation_date() {
        Instant first = NOW;
        Instant second = NOW.plus(1, ChronoUnit.DAYS);
        X509CRL crl = Sm2Pki.crl(ROOT, CA.getPrivate(), List.of(new Sm2Pki.Revocation(BigInteger.ONE, first),
                new Sm2Pki.Revocation(BigInteger.TWO, second)), second, second.plus(7, ChronoUnit.DAYS));
        assertThat(crl.getRevokedCertificate(BigInteger.ONE).getRevocationDate().toInstant()).isEqualTo(first);
        assertThat(crl.getRevokedCertificate(BigInteger.TWO).getRevocationDate().toInstant()).isEqualTo(second);
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
