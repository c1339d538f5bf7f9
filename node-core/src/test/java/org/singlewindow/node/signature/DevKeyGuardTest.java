package org.singlewindow.node.signature;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.security.DevPki;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A node refuses the local federation's DEV root CA and DEV-derived node keys unless told it is a dev node. */
class DevKeyGuardTest {

    /** Any instant: the guard looks at keys, not at validity. */
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void the_dev_root_should_stop_a_node_unless_dev_keys_are_allowed() throws Exception {
        KeyPair devCa = Sm2Pki.derivedKeyPair(DevPki.SEED, "ca");
        Path root = write("dev-ca.pem", Sm2Pki.rootCertificate(devCa, "Some Root", NOW, NOW.plus(Duration.ofDays(9))));
        assertThatThrownBy(() -> new DevKeyGuard(pki(root, null, false), node("310000")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DEV root CA");
        assertThatCode(() -> new DevKeyGuard(pki(root, null, true), node("310000"))).doesNotThrowAnyException();
    }

    @Test
    void a_node_key_derived_from_the_dev_seed_should_stop_a_node_even_under_a_production_root() throws Exception {
        KeyPair ca = Sm2Pki.newKeyPair();
        X509Certificate rootCertificate = Sm2Pki.rootCertificate(ca, "Production Root", NOW, NOW.plus(Duration.ofDays(9)));
        Path root = write("ca.pem", rootCertificate);
        Path devNode = write("node.pem", Sm2Pki.issue(rootCertificate, ca.getPrivate(),
                new Sm2Pki.Subject(Sm2Pki.Kind.NODE, "530000", "Yunnan"),
                Sm2Pki.derivedKeyPair(DevPki.SEED, "nodes/530000").getPublic(), BigInteger.TEN, NOW,
                NOW.plus(Duration.ofDays(9))));
        Path realNode = write("real-node.pem", Sm2Pki.issue(rootCertificate, ca.getPrivate(),
                new Sm2Pki.Subject(Sm2Pki.Kind.NODE, "530000", "Yunnan"), Sm2Pki.newKeyPair().getPublic(),
                BigInteger.TWO, NOW, NOW.plus(Duration.ofDays(9))));
        assertThatThrownBy(() -> new DevKeyGuard(pki(root, devNode, false), node("530000")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public DEV seed");
        assertThatCode(() -> new DevKeyGuard(pki(root, realNode, false), node("530000"))).doesNotThrowAnyException();
    }

    private Path write(String name, X509Certificate certificate) throws Exception {
        return Files.writeString(dir.resolve(name), Pem.write(certificate));
    }

    private static PkiProperties pki(Path root, Path nodeCertificate, boolean allowDevKeys) {
        return new PkiProperties(root, null, true, Duration.ofSeconds(5), null, nodeCertificate, true, true,
                Duration.ofDays(30), allowDevKeys);
    }

    private static NodeProperties node(String code) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("sw.code", code)))
                .bindOrCreate("sw", NodeProperties.class);
    }
}
