package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.singlewindow.security.TestPki.ACME;
import static org.singlewindow.security.TestPki.ACME_CERT;
import static org.singlewindow.security.TestPki.EMPTY_CRL;
import static org.singlewindow.security.TestPki.NOW;
import static org.singlewindow.security.TestPki.ROOT;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.List;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** The signer and verifier kept per key give and accept exactly the JCA's SM3withSM2 signatures. */
class Sm2OperatorsTest {

    private static final byte[] CONTENT = "{\"documentType\":\"MANIFEST\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_signature_made_here_should_verify_with_the_jca_signature() throws Exception {
        ContentSigner signer = Sm2Operators.signer(ACME.getPrivate());
        signer.getOutputStream().write(CONTENT);
        byte[] signature = signer.getSignature();
        Signature jca = Signature.getInstance(Sm2Pki.SIGNATURE, Sm2Pki.PROVIDER);
        jca.initVerify(ACME_CERT.getPublicKey());
        jca.update(CONTENT);
        assertThat(jca.verify(signature)).isTrue();

        byte[] cms = CmsSignatures.signDetached(CONTENT, ACME.getPrivate(), ACME_CERT, NOW);
        SignerInformation info = new CMSSignedData(new CMSProcessableByteArray(CONTENT), cms).getSignerInfos()
                .getSigners().iterator().next();
        assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Sm2Pki.PROVIDER).build(ACME_CERT)))
                .isTrue();
    }

    @Test
    void a_jca_made_cms_signature_should_verify_here() throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                .setProvider(Sm2Pki.PROVIDER).build()).setSignedAttributeGenerator(signedAt(NOW))
                .build(new JcaContentSignerBuilder(Sm2Pki.SIGNATURE)
                .setProvider(Sm2Pki.PROVIDER).build(ACME.getPrivate()), ACME_CERT));
        generator.addCertificates(new JcaCertStore(List.of(ACME_CERT)));
        byte[] cms = generator.generate(new CMSProcessableByteArray(CONTENT), false).getEncoded();
        assertThat(CmsSignatures.verifyDetached(cms, CONTENT, ROOT, EMPTY_CRL, NOW).subject().identifier())
                .isEqualTo("91310115MA1H7G0X0M");
    }

    @Test
    void the_signing_time_should_be_the_one_given_not_the_machines() throws Exception {
        byte[] cms = CmsSignatures.signDetached(CONTENT, ACME.getPrivate(), ACME_CERT, NOW);
        SignerInformation info = new CMSSignedData(new CMSProcessableByteArray(CONTENT), cms).getSignerInfos()
                .getSigners().iterator().next();
        Attribute signingTime = info.getSignedAttributes().get(CMSAttributes.signingTime);
        assertThat(Time.getInstance(signingTime.getAttrValues().getObjectAt(0)).getDate().toInstant()).isEqualTo(NOW);
    }

    /** What a declarant's own software sets: the signing time of its own clock, here pinned to the test's. */
    private static DefaultSignedAttributeTableGenerator signedAt(java.time.Instant at) {
        return new DefaultSignedAttributeTableGenerator(new AttributeTable(new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(java.util.Date.from(at))))));
    }

    @Test
    void a_signature_remembered_as_verified_should_not_vouch_for_other_content() throws Exception {
        byte[] cms = CmsSignatures.signDetached(CONTENT, ACME.getPrivate(), ACME_CERT, NOW);
        CmsSignatures.verifyDetached(cms, CONTENT, ROOT, EMPTY_CRL, NOW);
        byte[] altered = CONTENT.clone();
        altered[3] ^= 1;
        assertThatThrownBy(() -> CmsSignatures.verifyDetached(cms, altered, ROOT, EMPTY_CRL, NOW))
                .isInstanceOfSatisfying(CmsSignatures.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(CmsSignatures.Refusal.SIGNATURE_INVALID));
    }

    @Test
    void a_signature_started_and_abandoned_should_not_spoil_the_next_one() throws Exception {
        Sm2Operators.signer(ACME.getPrivate()).getOutputStream().write("half a message".getBytes(StandardCharsets.UTF_8));
        byte[] cms = CmsSignatures.signDetached(CONTENT, ACME.getPrivate(), ACME_CERT, NOW);
        assertThat(CmsSignatures.verifyDetached(cms, CONTENT, ROOT, EMPTY_CRL, NOW)).isNotNull();
    }
}
