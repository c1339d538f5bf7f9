package org.singlewindow.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;

class PkiTest {

    @Test
    void init_should_be_reproducible_and_sign_verifiably(@TempDir Path a, @TempDir Path b) throws Exception {
        Pki.init(a, "seed");
        Pki.init(b, "seed");
        for (String key : new String[]{"ca-key.pem", "enterprises/91310115MA1H7G0X0M-key.pem", "nodes/310000-key.pem"}) {
            assertThat(Files.readString(a.resolve(key))).isEqualTo(Files.readString(b.resolve(key)));
        }
        X509Certificate root = Pem.certificate(Files.readString(a.resolve("ca.pem")));
        String json = "{\"b\": 2.50, \"a\": \"报关\"}";
        String signature = Pki.sign(Pem.privateKey(Files.readString(a.resolve("enterprises/91310115MA1H7G0X0M-key.pem"))),
                Pem.certificate(Files.readString(a.resolve("enterprises/91310115MA1H7G0X0M.pem"))), json);
        byte[] canonical = CanonicalJson.canonicalize(Json.MAPPER.readTree("{\"a\":\"报关\",\"b\":2.5}"))
                .getBytes(StandardCharsets.UTF_8);
        CmsSignatures.Signer signer = CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature), canonical,
                root, Pem.crl(Files.readString(a.resolve("crl.pem"))), Instant.now());
        assertThat(signer.subject().identifier()).isEqualTo("91310115MA1H7G0X0M");
    }

    @Test
    void a_revoked_certificate_should_be_refused(@TempDir Path dir) throws Exception {
        Pki.init(dir, "seed");
        X509Certificate acme = Pem.certificate(Files.readString(dir.resolve("enterprises/91310115MA1H7G0X0M.pem")));
        Pki.revoke(dir, acme, Instant.now());
        String signature = Pki.sign(Pem.privateKey(Files.readString(dir.resolve("enterprises/91310115MA1H7G0X0M-key.pem"))),
                acme, "{}");
        assertThatThrownBy(() -> CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature),
                "{}".getBytes(StandardCharsets.UTF_8), Pem.certificate(Files.readString(dir.resolve("ca.pem"))),
                Pem.crl(Files.readString(dir.resolve("crl.pem"))), Instant.now()))
                .isInstanceOfSatisfying(CmsSignatures.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(CmsSignatures.Refusal.CERTIFICATE_REVOKED));
    }

    @Test
    void a_production_ca_should_have_a_random_key_never_be_replaced_and_issue_verifiable_certificates(@TempDir Path a,
                                                                                                      @TempDir Path b)
            throws Exception {
        Pki.ca(a, "Test Production Root", Instant.now(), 10);
        Pki.ca(b, "Test Production Root", Instant.now(), 10);
        X509Certificate root = Pem.certificate(Files.readString(a.resolve("ca.pem")));
        assertThat(Files.readString(a.resolve("ca-key.pem"))).isNotEqualTo(Files.readString(b.resolve("ca-key.pem")));
        assertThat(org.singlewindow.security.DevPki.isDevKey(root.getPublicKey())).isFalse();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                a.resolve("ca-key.pem")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> Pki.ca(a, "again", Instant.now(), 10)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("never replaced");

        Pki.issue(a, org.singlewindow.security.Sm2Pki.Kind.NODE, "310000", "Shanghai");
        X509Certificate node = Pem.certificate(Files.readString(a.resolve("nodes/310000.pem")));
        String signature = Pki.sign(Pem.privateKey(Files.readString(a.resolve("nodes/310000-key.pem"))), node, "{}");
        assertThat(CmsSignatures.verifyDetached(Base64.getDecoder().decode(signature), "{}".getBytes(StandardCharsets.UTF_8),
                root, Pem.crl(Files.readString(a.resolve("crl.pem"))), Instant.now()).subject().identifier())
                .isEqualTo("310000");
    }

    @Test
    void an_existing_ca_should_be_taken_only_with_its_own_key_and_never_the_dev_one(@TempDir Path existing,
                                                                                    @TempDir Path other,
                                                                                    @TempDir Path dev,
                                                                                    @TempDir Path target) throws Exception {
        Pki.ca(existing, "Existing Root", Instant.now(), 5);
        Pki.ca(other, "Other Root", Instant.now(), 5);
        Pki.init(dev, Pki.DEV_SEED);
        assertThatThrownBy(() -> Pki.importCa(target, existing.resolve("ca.pem"), other.resolve("ca-key.pem"),
                Instant.now())).isInstanceOf(java.io.IOException.class).hasMessageContaining("is not the key of");
        assertThatThrownBy(() -> Pki.importCa(target, dev.resolve("ca.pem"), dev.resolve("ca-key.pem"), Instant.now()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("DEV");
        assertThatThrownBy(() -> Pki.importCa(target, dev.resolve("nodes/central.pem"), dev.resolve(
                "nodes/central-key.pem"), Instant.now())).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not a CA");
        Pki.importCa(target, existing.resolve("ca.pem"), existing.resolve("ca-key.pem"), Instant.now());
        Pki.issue(target, org.singlewindow.security.Sm2Pki.Kind.AGENCY, "GACC", "customs");
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
