package org.singlewindow.node.signature;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.node.MovableClock;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A CRL that cannot be trusted is refused loudly and never silently used: unreadable, not the root's, expired or
 * older than the one in force; without a current CRL, checks fail with 503 until the CA publishes one. And the
 * instant a signature is judged at.
 */
class FederationTrustTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final KeyPair CA = Sm2Pki.derivedKeyPair("trust-test", "ca");
    private static final X509Certificate ROOT = Sm2Pki.rootCertificate(CA, "Trust Test Root", T0.minus(Duration.ofDays(1)),
            T0.plus(Duration.ofDays(3650)));

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(T0);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FederationTrust trust;
    private int versions;

    @BeforeEach
    void pki() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), Pem.write(ROOT));
        publish(crl(CA, T0, T0.plus(Duration.ofDays(7))));
        trust = new FederationTrust(new PkiProperties(dir.resolve("ca.pem"), dir.resolve("crl.pem"), true,
                Duration.ZERO, null, null, false, true, Duration.ofDays(30), false), clock, meters);
    }

    @Test
    void a_current_crl_signed_by_the_root_should_be_in_force() {
        assertThat(trust.crl().getThisUpdate().toInstant()).isEqualTo(T0);
        assertThat(trust.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_crl_from_another_ca_an_expired_one_an_older_one_and_garbage_should_be_refused_keeping_the_current_one()
            throws Exception {
        clock.move(Duration.ofHours(1));
        publish(crl(Sm2Pki.derivedKeyPair("trust-test", "rogue"), T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofDays(7))));
        assertThat(trust.crl().getThisUpdate().toInstant()).isEqualTo(T0);
        publish(crl(CA, T0.minus(Duration.ofDays(9)), T0.minus(Duration.ofDays(2))));
        assertThat(trust.crl().getThisUpdate().toInstant()).isEqualTo(T0);
        publish(crl(CA, T0.minus(Duration.ofHours(5)), T0.plus(Duration.ofDays(7))));
        assertThat(trust.crl().getThisUpdate().toInstant()).isEqualTo(T0);
        Files.writeString(dir.resolve("crl.pem"), "-----BEGIN X509 CRL-----\nnot a crl\n-----END X509 CRL-----\n");
        touch();
        assertThat(trust.crl().getThisUpdate().toInstant()).isEqualTo(T0);
        assertThat(meters.find("sw.pki.crl.refused").counters()).extracting(c -> c.getId().getTag("reason"))
                .containsExactlyInAnyOrder("UNTRUSTED", "EXPIRED", "STALE", "UNREADABLE");
    }

    @Test
    void without_a_current_crl_signature_checks_should_fail_with_503_until_a_new_one_is_published() throws Exception {
        clock.move(Duration.ofDays(8));
        assertThatThrownBy(trust::crl).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
            assertThat(e.code()).isEqualTo("CRL_UNAVAILABLE");
        });
        assertThat(trust.health().getStatus()).isEqualTo(Status.DOWN);
        publish(crl(CA, clock.instant(), clock.instant().plus(Duration.ofDays(7))));
        assertThat(trust.crl().getThisUpdate().toInstant()).isEqualTo(clock.instant());
        assertThat(trust.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_node_should_not_start_on_an_unreadable_crl() throws Exception {
        Files.writeString(dir.resolve("crl.pem"), "garbage");
        assertThatThrownBy(() -> new FederationTrust(new PkiProperties(dir.resolve("ca.pem"), dir.resolve("crl.pem"),
                true, Duration.ZERO, null, null, false, true, Duration.ofDays(30), false), clock, meters))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CRL");
    }

    @Test
    void a_signature_should_be_judged_when_it_was_accepted_within_bounds() {
        Instant now = clock.instant();
        assertThat(trust.judgedAt(now.minus(Duration.ofDays(2)))).isEqualTo(now.minus(Duration.ofDays(2)));
        assertThat(trust.judgedAt(now.plus(Duration.ofMinutes(2)))).as("skew: not later than now").isEqualTo(now);
        assertThat(trust.judgedAt(now.plus(Duration.ofHours(1)))).as("a claim from the future").isEqualTo(now);
        assertThat(trust.judgedAt(now.minus(Duration.ofDays(31)))).as("older than the limit").isEqualTo(now);
        assertThat(trust.judgedAt(null)).isEqualTo(now);
    }

    private static X509CRL crl(KeyPair issuer, Instant thisUpdate, Instant nextUpdate) {
        return Sm2Pki.crl(ROOT, issuer.getPrivate(), List.of(new Sm2Pki.Revocation(BigInteger.TEN, thisUpdate)),
                thisUpdate, nextUpdate);
    }

    private void publish(X509CRL crl) throws Exception {
        Files.writeString(dir.resolve("crl.pem"), Pem.write(crl));
        touch();
    }

    private void touch() throws Exception {
        Files.setLastModifiedTime(dir.resolve("crl.pem"), FileTime.from(T0.plusSeconds(++versions)));
    }
}
