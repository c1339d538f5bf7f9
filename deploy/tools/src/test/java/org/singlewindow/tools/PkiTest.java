package org.singlewindow.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;

class PkiTest {

    /** The tool's time in these tests: what it issues, signs and checks is all at this instant, whatever the date. */
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void init_run_again_after_expiry_should_renew_each_certificate_with_its_key_and_say_so(@TempDir Path dir)
            throws Exception {
        Pki.init(dir, "seed", NOW);
        String key = Files.readString(dir.resolve("nodes/310000-key.pem"));
        X509Certificate before = Pem.certificate(Files.readString(dir.resolve("nodes/310000.pem")));
        Instant later = before.getNotAfter().toInstant().plus(400, ChronoUnit.DAYS);
        Pki.init(dir, "seed", NOW.plus(1, ChronoUnit.DAYS));
        assertThat(Pem.certificate(Files.readString(dir.resolve("nodes/310000.pem")))).as("still valid: kept")
                .isEqualTo(before);

        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            Pki.init(dir, "seed", later);
        } finally {
            System.setOut(out);
        }
        X509Certificate renewed = Pem.certificate(Files.readString(dir.resolve("nodes/310000.pem")));
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("renewing " + dir.resolve("ca.pem"))
                .contains("renewing " + dir.resolve("nodes/310000.pem") + ": it expired at " + before.getNotAfter()
                        .toInstant());
        assertThat(Files.readString(dir.resolve("nodes/310000-key.pem"))).isEqualTo(key);
        assertThat(renewed.getSerialNumber()).isEqualTo(before.getSerialNumber());
        Pki.renewCrl(dir, later);
        String signature = Pki.sign(Pem.privateKey(key), renewed, "{}", later);
        assertThat(CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature),
                "{}".getBytes(StandardCharsets.UTF_8), Pem.certificate(Files.readString(dir.resolve("ca.pem"))),
                Pem.crl(Files.readString(dir.resolve("crl.pem"))), later).subject().identifier()).isEqualTo("310000");
    }

    @Test
    void init_should_be_reproducible_and_sign_verifiably(@TempDir Path a, @TempDir Path b) throws Exception {
        Pki.init(a, "seed", NOW);
        Pki.init(b, "seed", NOW);
        for (String key : new String[]{"ca-key.pem", "enterprises/91310115MA1H7G0X0M-key.pem", "nodes/310000-key.pem"}) {
            assertThat(Files.readString(a.resolve(key))).isEqualTo(Files.readString(b.resolve(key)));
        }
        X509Certificate root = Pem.certificate(Files.readString(a.resolve("ca.pem")));
        String json = "{\"b\": 2.50, \"a\": \"报关\"}";
        String signature = Pki.sign(Pem.privateKey(Files.readString(a.resolve("enterprises/91310115MA1H7G0X0M-key.pem"))),
                Pem.certificate(Files.readString(a.resolve("enterprises/91310115MA1H7G0X0M.pem"))), json, NOW);
        byte[] canonical = CanonicalJson.canonicalize(Json.MAPPER.readTree("{\"a\":\"报关\",\"b\":2.5}"))
                .getBytes(StandardCharsets.UTF_8);
        CmsSignatures.Signer signer = CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature), canonical,
                root, Pem.crl(Files.readString(a.resolve("crl.pem"))), NOW);
        assertThat(signer.subject().identifier()).isEqualTo("91310115MA1H7G0X0M");
    }

    @Test
    void sign_should_sign_a_decmessage_with_every_element_as_the_document_it_maps_to(@TempDir Path dir)
            throws Exception {
        Pki.init(dir, "seed", NOW);
        String xml = Files.readString(Path.of("..", "local", "samples", "goods-declaration-eport.xml"));
        String signature = Pki.sign(Pem.privateKey(Files.readString(dir.resolve("enterprises/91310115MA1H7G0X0M-key.pem"))),
                Pem.certificate(Files.readString(dir.resolve("enterprises/91310115MA1H7G0X0M.pem"))), xml, NOW);
        byte[] canonical = CanonicalJson.canonicalize(new org.singlewindow.contracts.eport.DecMessageMapper()
                .read(xml.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        assertThat(CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature), canonical,
                Pem.certificate(Files.readString(dir.resolve("ca.pem"))), Pem.crl(Files.readString(dir.resolve("crl.pem"))),
                NOW).subject().identifier()).isEqualTo("91310115MA1H7G0X0M");
    }

    @Test
    void a_revoked_certificate_should_be_refused(@TempDir Path dir) throws Exception {
        Pki.init(dir, "seed", NOW);
        X509Certificate acme = Pem.certificate(Files.readString(dir.resolve("enterprises/91310115MA1H7G0X0M.pem")));
        Pki.revoke(dir, acme, NOW);
        String signature = Pki.sign(Pem.privateKey(Files.readString(dir.resolve("enterprises/91310115MA1H7G0X0M-key.pem"))),
                acme, "{}", NOW);
        assertThatThrownBy(() -> CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature),
                "{}".getBytes(StandardCharsets.UTF_8), Pem.certificate(Files.readString(dir.resolve("ca.pem"))),
                Pem.crl(Files.readString(dir.resolve("crl.pem"))), NOW))
                .isInstanceOfSatisfying(CmsSignatures.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(CmsSignatures.Refusal.CERTIFICATE_REVOKED));
    }

    @Test
    void a_production_ca_should_have_a_random_key_never_be_replaced_and_issue_verifiable_certificates(@TempDir Path a,
                                                                                                      @TempDir Path b)
            throws Exception {
        Pki.ca(a, "Test Production Root", NOW, 10);
        Pki.ca(b, "Test Production Root", NOW, 10);
        X509Certificate root = Pem.certificate(Files.readString(a.resolve("ca.pem")));
        assertThat(Files.readString(a.resolve("ca-key.pem"))).isNotEqualTo(Files.readString(b.resolve("ca-key.pem")));
        assertThat(org.singlewindow.security.DevPki.isDevKey(root.getPublicKey())).isFalse();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                a.resolve("ca-key.pem")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> Pki.ca(a, "again", NOW, 10)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("never replaced");

        Pki.issue(a, org.singlewindow.security.Sm2Pki.Kind.NODE, "310000", "Shanghai", NOW);
        X509Certificate node = Pem.certificate(Files.readString(a.resolve("nodes/310000.pem")));
        String signature = Pki.sign(Pem.privateKey(Files.readString(a.resolve("nodes/310000-key.pem"))), node, "{}", NOW);
        assertThat(CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature), "{}".getBytes(StandardCharsets.UTF_8),
                root, Pem.crl(Files.readString(a.resolve("crl.pem"))), NOW).subject().identifier())
                .isEqualTo("310000");
    }

    @Test
    void an_existing_ca_should_be_taken_only_with_its_own_key_and_never_the_dev_one(@TempDir Path existing,
                                                                                    @TempDir Path other,
                                                                                    @TempDir Path dev,
                                                                                    @TempDir Path target) throws Exception {
        Pki.ca(existing, "Existing Root", NOW, 5);
        Pki.ca(other, "Other Root", NOW, 5);
        Pki.init(dev, Pki.DEV_SEED, NOW);
        assertThatThrownBy(() -> Pki.importCa(target, existing.resolve("ca.pem"), other.resolve("ca-key.pem"),
                NOW)).isInstanceOf(java.io.IOException.class).hasMessageContaining("is not the key of");
        assertThatThrownBy(() -> Pki.importCa(target, dev.resolve("ca.pem"), dev.resolve("ca-key.pem"), NOW))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("DEV");
        assertThatThrownBy(() -> Pki.importCa(target, dev.resolve("nodes/central.pem"), dev.resolve(
                "nodes/central-key.pem"), NOW)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not a CA");
        Pki.importCa(target, existing.resolve("ca.pem"), existing.resolve("ca-key.pem"), NOW);
        Pki.issue(target, org.singlewindow.security.Sm2Pki.Kind.AGENCY, "GACC", "customs", NOW);
        X509Certificate gacc = Pem.certificate(Files.readString(target.resolve("agencies/GACC.pem")));
        gacc.verify(Pem.certificate(Files.readString(existing.resolve("ca.pem"))).getPublicKey(), "BC");
    }

    @Test
    void the_dev_key_names_should_be_every_key_init_derives() {
        java.util.List<String> derived = new java.util.ArrayList<>(java.util.List.of("ca"));
        derived.addAll(Pki.LOCAL.keySet());
        assertThat(org.singlewindow.security.DevPki.NAMES).containsExactlyInAnyOrderElementsOf(derived);
    }
}
