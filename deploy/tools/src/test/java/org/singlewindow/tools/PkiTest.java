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
}
