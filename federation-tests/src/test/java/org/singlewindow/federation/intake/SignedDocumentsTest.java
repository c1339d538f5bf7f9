package org.singlewindow.federation.intake;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import org.singlewindow.tools.Pki;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Declarants sign what they submit (SM2/SM3, detached CMS over the canonical form); the provincial node verifies
 * before answering 202 and refuses every bad signature with its reason, storing nothing; the signature is kept and
 * goes with the document to the ministries that receive it whole, which can verify it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class SignedDocumentsTest {

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    @Test
    void a_signed_document_should_be_kept_signed_and_customs_should_be_able_to_verify_it() throws Exception {
        ObjectNode document = Samples.declaration(Samples.ACME_SH);
        HttpResponse<String> response = federation.submit(SH, token(), Samples.json(document));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Ministries.callsFor(federation.gacc, id).isEmpty()
                && !Ministries.callsFor(federation.mofcom, id).isEmpty());
        assertThat(federation.db(SH).queryForObject("select signer from document_signature where declaration_id = ?",
                String.class, id)).isEqualTo(Samples.ACME_SH);
        assertThat(federation.centralDb().queryForObject("select count(*) from document_signature where declaration_id = ?",
                Integer.class, id)).isOne();

        JsonNode toCustoms = Json.MAPPER.readTree(Ministries.callsFor(federation.gacc, id).get(0).getBodyAsString());
        byte[] signature = Base64.getDecoder().decode(toCustoms.get("documentSignature").asString());
        CmsSignatures.Signer signer = CmsSignatures.verifyDetached(signature,
                CanonicalJson.canonicalize(toCustoms.get("document")).getBytes(StandardCharsets.UTF_8), root(), null,
                Federation.CLOCK.instant());
        assertThat(signer.subject().identifier()).isEqualTo(Samples.ACME_SH);
        JsonNode toMofcom = Json.MAPPER.readTree(Ministries.callsFor(federation.mofcom, id).get(0).getBodyAsString());
        assertThat(toMofcom.get("documentSignature").isNull()).as("a subset cannot carry the whole document's signature")
                .isTrue();
    }

    @Test
    void unsigned_forged_altered_and_foreign_signatures_should_be_refused_with_their_reason_and_nothing_stored() {
        ObjectNode document = Samples.declaration(Samples.ACME_SH);
        String good = federation.signers().signature(document);
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.get("data")).put("remarks", "changed after signing");
        ObjectNode othersDocument = Samples.declaration(Samples.OTHER_SH);
        int before = stored();
        double refusedBefore = refusals();
        assertRefused(document, null, "SIGNATURE_MISSING");
        assertRefused(document, "bm90IGEgc2lnbmF0dXJl", "SIGNATURE_MALFORMED");
        assertRefused(document, "%%%", "SIGNATURE_MALFORMED");
        assertRefused(altered, good, "SIGNATURE_INVALID");
        assertRefused(document, federation.signers().signature(othersDocument.put("clientReference",
                document.get("clientReference").asString())), "SIGNATURE_INVALID");
        assertRefused(document, signWith(roguePair(), rogueCertificate("91310115MA1H7G0X0M"), document),
                "CERTIFICATE_UNTRUSTED");
        assertRefused(document, signWith(Sm2Pki.derivedKeyPair(Pki.DEV_SEED, "enterprises/91310000132200821H"),
                certificate("enterprises/91310000132200821H"), document), "SIGNER_MISMATCH");
        assertThat(stored()).isEqualTo(before);
        assertThat(refusals() - refusedBefore).isEqualTo(7);
    }

    @Test
    void a_revoked_certificate_should_be_refused_once_the_new_crl_is_published() throws Exception {
        KeyPair keys = Sm2Pki.newKeyPair();
        X509Certificate second = Sm2Pki.issue(root(), Pem.privateKey(Files.readString(pki().resolve("ca-key.pem"))),
                new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, Samples.ACME_SH, "second key"), keys.getPublic(),
                BigInteger.valueOf(777_001), Federation.CLOCK.instant().minus(1, ChronoUnit.HOURS), Federation.CLOCK.instant().plus(1, ChronoUnit.DAYS));
        ObjectNode first = Samples.declaration(Samples.ACME_SH);
        assertThat(federation.post(federation.url(SH) + "/api/v1/declarations", token(), "application/json",
                Samples.json(first), signWith(keys, second, first)).statusCode()).isEqualTo(202);

        Pki.revoke(pki(), second, Federation.CLOCK.instant());
        ObjectNode later = Samples.declaration(Samples.ACME_SH);
        await().atMost(Duration.ofSeconds(10)).until(() -> federation.post(federation.url(SH) + "/api/v1/declarations",
                token(), "application/json", Samples.json(later), signWith(keys, second, later)).statusCode() == 400);
        assertRefused(later, signWith(keys, second, later), "CERTIFICATE_REVOKED");
    }

    private void assertRefused(ObjectNode document, String signature, String reason) {
        HttpResponse<String> response = federation.post(federation.url(SH) + "/api/v1/declarations", token(),
                "application/json", Samples.json(document), signature);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(reason);
        assertThat(problem.get("detailZh").asString()).isNotBlank();
    }

    private String signWith(KeyPair keys, X509Certificate certificate, JsonNode document) {
        return Pki.sign(keys.getPrivate(), certificate, Json.MAPPER.writeValueAsString(document),
                Federation.CLOCK.instant());
    }

    private KeyPair roguePair() {
        return Sm2Pki.derivedKeyPair("rogue", "acme");
    }

    private X509Certificate rogueCertificate(String uscc) {
        KeyPair rogueCa = Sm2Pki.derivedKeyPair("rogue", "ca");
        X509Certificate rogueRoot = Sm2Pki.rootCertificate(rogueCa, "Single Window Federation Root CA (DEV)",
                Federation.CLOCK.instant().minus(1, ChronoUnit.DAYS), Federation.CLOCK.instant().plus(1, ChronoUnit.DAYS));
        return Sm2Pki.issue(rogueRoot, rogueCa.getPrivate(), new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, uscc, "rogue"),
                roguePair().getPublic(), BigInteger.TWO, Federation.CLOCK.instant().minus(1, ChronoUnit.DAYS),
                Federation.CLOCK.instant().plus(1, ChronoUnit.DAYS));
    }

    private X509Certificate certificate(String name) {
        try {
            return Pem.certificate(Files.readString(pki().resolve(name + ".pem")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private X509Certificate root() {
        return certificate("ca");
    }

    private Path pki() {
        return federation.dir.resolve("pki");
    }

    private String token() {
        return federation.token("sh-acme");
    }

    private int stored() {
        return federation.db(SH).queryForObject("select count(*) from declaration", Integer.class);
    }

    private double refusals() {
        return federation.context(SH).getBean(MeterRegistry.class).find("sw.signatures.refused").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
