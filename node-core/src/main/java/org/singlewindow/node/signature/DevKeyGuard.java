package org.singlewindow.node.signature;

import java.security.cert.X509Certificate;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.security.DevPki;
import org.singlewindow.security.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node that trusts the local federation's DEV root CA or signs with a key derived from its public
 * seed ({@link DevPki}): anyone can derive those keys. Only the {@code local} profile (and the tests) allow them,
 * with {@code sw.pki.allow-dev-keys=true}, and a node running so says it at start-up.
 */
@Component
public class DevKeyGuard {

    private static final Logger log = LoggerFactory.getLogger(DevKeyGuard.class);

    public DevKeyGuard(PkiProperties pki, NodeProperties node) {
        boolean devRoot = pki.rootCertificate() != null && isDev(certificate(pki.rootCertificate()));
        boolean devNodeKey = pki.nodeCertificate() != null
                && DevPki.isDevKey(certificate(pki.nodeCertificate()).getPublicKey(), "nodes/" + node.code());
        if (!devRoot && !devNodeKey) {
            return;
        }
        String what = (devRoot ? "the DEV root CA " + pki.rootCertificate() : "")
                + (devRoot && devNodeKey ? " and " : "")
                + (devNodeKey ? "a node key derived from the public DEV seed (" + pki.nodeCertificate() + ")" : "");
        if (!pki.allowDevKeys()) {
            throw new IllegalStateException("refusing to start with " + what + ": anyone can derive those keys. Create "
                    + "a CA with a random key (deploy/pki.sh ca) or import yours (deploy/pki.sh import-ca), issue this "
                    + "node's key from it (deploy/pki.sh issue), or, for the local federation only, set "
                    + "sw.pki.allow-dev-keys=true");
        }
        log.warn("DEV ONLY: this node uses {} (sw.pki.allow-dev-keys=true)", what);
    }

    private static boolean isDev(X509Certificate root) {
        return DevPki.isDevKey(root.getPublicKey())
                || root.getSubjectX500Principal().getName().contains("(DEV)");
    }

    private static X509Certificate certificate(java.nio.file.Path file) {
        return Pem.certificate(FederationTrust.read(file));
    }
}
