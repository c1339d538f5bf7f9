package org.singlewindow.node.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

import org.singlewindow.security.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The federation root certificate and its current CRL. The CRL file is re-read when it changes (checked at most
 * every {@code sw.pki.crl-check-interval}), so a revocation published by central's CA takes effect on every node
 * without a restart; a CRL not signed by the root is refused.
 */
@Component
@EnableConfigurationProperties(PkiProperties.class)
public class FederationTrust {

    private static final Logger log = LoggerFactory.getLogger(FederationTrust.class);

    private final PkiProperties pki;
    private final Clock clock;
    private final X509Certificate root;
    private volatile X509CRL crl;
    private volatile FileTime crlModified;
    private volatile Instant crlCheckedAt = Instant.EPOCH;

    public FederationTrust(PkiProperties pki, Clock clock) {
        this.pki = pki;
        this.clock = clock;
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
        }
    }

    public boolean required() {
        return pki.requireSignedDocuments();
    }

    public X509Certificate root() {
        return root;
    }

    /** The current CRL (null when none is configured). */
    public X509CRL crl() {
        Instant now = clock.instant();
        if (pki.crl() != null && now.isAfter(crlCheckedAt.plus(pki.crlCheckInterval()))) {
            refreshCrl();
        }
        return crl;
    }

    private synchronized void refreshCrl() {
        crlCheckedAt = clock.instant();
        if (pki.crl() == null) {
            return;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(pki.crl());
            if (modified.equals(crlModified)) {
                return;
            }
            X509CRL fresh = Pem.crl(Files.readString(pki.crl()));
            fresh.verify(root.getPublicKey(), "BC");
            crl = fresh;
            crlModified = modified;
            log.info("CRL loaded: {} revoked certificate(s), next update {}", fresh.getRevokedCertificates() == null
                    ? 0 : fresh.getRevokedCertificates().size(), fresh.getNextUpdate());
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            if (crl == null) {
                throw new IllegalStateException("cannot load the CRL " + pki.crl() + ": " + e.getMessage(), e);
            }
            log.warn("keeping the previous CRL: {}", e.getMessage());
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
