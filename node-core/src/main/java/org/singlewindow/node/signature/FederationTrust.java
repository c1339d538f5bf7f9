package org.singlewindow.node.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.security.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The federation root certificate and its current CRL. The CRL file is re-read when it changes (checked at most
 * every {@code sw.pki.crl-check-interval}), so a revocation published by central's CA takes effect on every node
 * without a restart. A CRL is refused, loudly (an ERROR, {@code sw.pki.crl.refused} by reason, health DOWN), when
 * it does not parse (UNREADABLE), is not signed by the root (UNTRUSTED), is past its next update (EXPIRED) or older
 * than the one in force (STALE); the one in force stays while it is itself current. When no current CRL is left, no
 * signature is checked against a stale list: checks fail with 503 {@code CRL_UNAVAILABLE} (a transient failure for
 * queued messages, which wait) until the CA publishes a new one. A node does not start on a CRL it cannot read or
 * trust; it starts on an expired one (and says so), to serve everything but new signatures. Also the instant a
 * signature is judged at
 * ({@link #judgedAt}).
 */
@Component
@EnableConfigurationProperties(PkiProperties.class)
public class FederationTrust implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(FederationTrust.class);
    /** How far in the future a claimed signing time may be (clock skew between nodes). */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final PkiProperties pki;
    private final Clock clock;
    private final MeterRegistry meters;
    private final X509Certificate root;
    private volatile X509CRL crl;
    private volatile String refusal;
    private volatile FileTime crlModified;
    private volatile Instant crlCheckedAt = Instant.EPOCH;

    public FederationTrust(PkiProperties pki, Clock clock, MeterRegistry meters) {
        this.pki = pki;
        this.clock = clock;
        this.meters = meters;
        if (pki.rootCertificate() == null) {
            if (pki.requireSignedDocuments()) {
                throw new IllegalStateException("sw.pki.root-certificate is required while "
                        + "sw.pki.require-signed-documents is true (create the local federation's PKI with deploy/pki.sh)");
            }
            this.root = null;
            log.warn("no federation root certificate: documents are accepted unsigned");
        } else {
            this.root = Pem.certificate(read(pki.rootCertificate()));
            refreshCrl();
            if (pki.crl() != null && crl == null && !refusal.startsWith("EXPIRED")) {
                throw new IllegalStateException("cannot load the CRL: " + refusal);
            }
        }
    }

    public boolean required() {
        return pki.requireSignedDocuments();
    }

    public X509Certificate root() {
        return root;
    }

    /**
     * The CRL in force (null when none is configured).
     *
     * @throws Refusal 503 {@code CRL_UNAVAILABLE} when a CRL is configured but none is current
     */
    public X509CRL crl() {
        Instant now = clock.instant();
        if (pki.crl() != null && !now.isBefore(crlCheckedAt.plus(pki.crlCheckInterval()))) {
            refreshCrl();
        }
        if (pki.crl() == null) {
            return null;
        }
        X509CRL current = crl;
        if (current == null || expired(current, now)) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "CRL_UNAVAILABLE", "No current revocation list",
                    "无有效的证书吊销列表", "this node has no current CRL to check signatures against ("
                    + (current == null ? refusal : "the CRL in force expired at " + current.getNextUpdate().toInstant())
                    + "); it waits for the CA to publish one", "本节点没有有效的证书吊销列表，暂无法验证签名，请等待 CA 发布新的吊销列表");
        }
        return current;
    }

    /**
     * The instant a signature is judged at: when it was made or first accepted, as the signed envelope claims it
     * ({@code claimed}), so that a certificate expiring or revoked while the message waited in a queue does not undo
     * it; the present when the claim is in the future (beyond five minutes of clock skew) or older than
     * {@code sw.pki.max-signature-age}.
     */
    public Instant judgedAt(Instant claimed) {
        Instant now = clock.instant();
        if (claimed == null || claimed.isAfter(now.plus(SKEW)) || claimed.isBefore(now.minus(pki.maxSignatureAge()))) {
            return now;
        }
        return claimed.isAfter(now) ? now : claimed;
    }

    private synchronized void refreshCrl() {
        Instant now = clock.instant();
        crlCheckedAt = now;
        if (pki.crl() == null) {
            return;
        }
        FileTime modified;
        X509CRL fresh;
        try {
            modified = Files.getLastModifiedTime(pki.crl());
            if (modified.equals(crlModified)) {
                return;
            }
            crlModified = modified;
            fresh = Pem.crl(Files.readString(pki.crl()));
        } catch (IOException | RuntimeException e) {
            refuse("UNREADABLE", "cannot read the CRL " + pki.crl() + ": " + e);
            return;
        }
        try {
            fresh.verify(root.getPublicKey(), "BC");
        } catch (java.security.GeneralSecurityException e) {
            refuse("UNTRUSTED", "the CRL " + pki.crl() + " is not signed by the federation root");
            return;
        }
        if (expired(fresh, now)) {
            refuse("EXPIRED", "the CRL " + pki.crl() + " expired at " + fresh.getNextUpdate().toInstant());
            return;
        }
        X509CRL current = crl;
        if (current != null && fresh.getThisUpdate().before(current.getThisUpdate())) {
            refuse("STALE", "the CRL " + pki.crl() + " of " + fresh.getThisUpdate().toInstant()
                    + " is older than the one in force, of " + current.getThisUpdate().toInstant());
            return;
        }
        crl = fresh;
        refusal = null;
        log.info("CRL loaded: {} revoked certificate(s), next update {}", fresh.getRevokedCertificates() == null
                ? 0 : fresh.getRevokedCertificates().size(), fresh.getNextUpdate());
    }

    private void refuse(String reason, String message) {
        refusal = reason + ": " + message;
        meters.counter("sw.pki.crl.refused", "reason", reason).increment();
        log.error("CRL refused ({}): {}; {}", reason, message, crl == null || expired(crl, clock.instant())
                ? "no current CRL: signature checks fail until the CA publishes one"
                : "the CRL in force stays until its next update " + crl.getNextUpdate().toInstant());
    }

    private static boolean expired(X509CRL crl, Instant now) {
        return crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant());
    }

    /** DOWN while no current CRL can be used (the node cannot check signatures). */
    @Override
    public Health health() {
        if (pki.crl() == null || root == null) {
            return Health.up().withDetail("crl", "none configured").build();
        }
        try {
            X509CRL current = crl();
            return Health.up().withDetail("nextUpdate", current.getNextUpdate().toInstant().toString()).build();
        } catch (Refusal e) {
            return Health.down().withDetail("crl", e.detailEn()).build();
        }
    }

    /** A PEM file's text; the node cannot start without it. */
    static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
