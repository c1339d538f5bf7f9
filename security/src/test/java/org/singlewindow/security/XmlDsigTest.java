package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.singlewindow.security.TestPki.ACME;
import static org.singlewindow.security.TestPki.ACME_CERT;
import static org.singlewindow.security.TestPki.EMPTY_CRL;
import static org.singlewindow.security.TestPki.NOW;
import static org.singlewindow.security.TestPki.ROOT;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** Enveloped XML-DSig with E-Port's SM2/SM3 URIs: round trip, and every refusal by its reason. */
class XmlDsigTest {

    private static final String DEC = "<DecMessage xmlns=\"http://www.chinaport.gov.cn/dec\" version=\"4.8\">"
            + "<DecHead><IEFlag>I</IEFlag><BillNo>COSU6263821470</BillNo><NoteS>报关单 &amp; 备注</NoteS></DecHead>"
            + "</DecMessage>";

    @Test
    void an_enveloped_signature_should_use_the_eport_uris_verify_and_name_its_signer() throws Exception {
        byte[] signed = XmlDsig.sign(DEC.getBytes(StandardCharsets.UTF_8), ACME.getPrivate(), ACME_CERT);
        String text = new String(signed, StandardCharsets.UTF_8);
        assertThat(text).contains("Algorithm=\"" + XmlDsig.SM2_SM3 + "\"", "Algorithm=\"" + XmlDsig.SM3 + "\"",
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "<BillNo>COSU6263821470</BillNo>");
        assertThat(XmlDsig.isSigned(signed)).isTrue();
        assertThat(XmlDsig.isSigned(DEC.getBytes(StandardCharsets.UTF_8))).isFalse();
        CmsSignatures.Signer signer = XmlDsig.verify(signed, ROOT, EMPTY_CRL, NOW);
        assertThat(signer.subject().identifier()).isEqualTo("91310115MA1H7G0X0M");
    }

    @Test
    void every_refusal_should_have_its_reason() {
        String signed = new String(XmlDsig.sign(DEC.getBytes(StandardCharsets.UTF_8), ACME.getPrivate(), ACME_CERT),
                StandardCharsets.UTF_8);
        refused(signed.replace("COSU6263821470", "COSU0000000000"), NOW, CmsSignatures.Refusal.SIGNATURE_INVALID);
        refused(DEC, NOW, CmsSignatures.Refusal.SIGNATURE_MALFORMED);
        refused(signed.replace(XmlDsig.SM2_SM3, "http://www.w3.org/2000/09/xmldsig#rsa-sha1"), NOW,
                CmsSignatures.Refusal.SIGNATURE_MALFORMED);
        refused(signed.replace("URI=\"\"", "URI=\"#head\""), NOW, CmsSignatures.Refusal.SIGNATURE_MALFORMED);
        refused("<!DOCTYPE d [<!ENTITY x \"y\">]>" + signed.substring(signed.indexOf("<DecMessage")), NOW,
                CmsSignatures.Refusal.SIGNATURE_MALFORMED);
        refused(signed, NOW.plus(400, ChronoUnit.DAYS), CmsSignatures.Refusal.CERTIFICATE_EXPIRED);
        X509Certificate rogue = TestPki.forgedCopyOf(ACME_CERT, ACME);
        refused(new String(XmlDsig.sign(DEC.getBytes(StandardCharsets.UTF_8), ACME.getPrivate(), rogue),
                StandardCharsets.UTF_8), NOW, CmsSignatures.Refusal.CERTIFICATE_UNTRUSTED);
    }

    private static void refused(String xml, Instant at, CmsSignatures.Refusal reason) {
        assertThatThrownBy(() -> XmlDsig.verify(xml.getBytes(StandardCharsets.UTF_8), ROOT, EMPTY_CRL, at))
                .isInstanceOfSatisfying(CmsSignatures.Refused.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
