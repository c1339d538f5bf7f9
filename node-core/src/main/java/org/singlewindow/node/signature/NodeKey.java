package org.singlewindow.node.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's SM2 key and its certificate ({@code sw.pki.node-key}, {@code sw.pki.node-certificate}), which must be a
 * NODE certificate naming this node's code. What the node signs (envelopes, ministry requests, audit checkpoints)
 * is signed here: detached CMS SignedData, SM3withSM2, Base64. Without a key ({@code require-signed-envelopes}
 * off), nothing is signed. The signing time each signature states is the node's {@link Clock}'s.
 */
@Component
public class NodeKey {

    private static final Logger log = LoggerFactory.getLogger(NodeKey.class);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final LongAdder made = new LongAdder();
    private final Clock clock;

    public NodeKey(NodeProperties node, PkiProperties pki, Clock clock) {
        this.clock = clock;
        if (pki.nodeKey() == null || pki.nodeCertificate() == null) {
            if (pki.requireSignedEnvelopes()) {
                throw new IllegalStateException("sw.pki.node-key and sw.pki.node-certificate are required while "
                        + "sw.pki.require-signed-envelopes is true (deploy/pki.sh creates them)");
            }
            this.key = null;
            this.certificate = null;
            log.warn("no node key: nothing this node sends is signed");
            return;
        }
        this.key = Pem.privateKey(FederationTrust.read(pki.nodeKey()));
        this.certificate = Pem.certificate(FederationTrust.read(pki.nodeCertificate()));
        Sm2Pki.Subject subject = Sm2Pki.Subject.of(certificate);
        if (subject == null || subject.kind() != Sm2Pki.Kind.NODE || !node.code().equals(subject.identifier())) {
            throw new IllegalStateException("sw.pki.node-certificate is not a NODE certificate for " + node.code());
        }
    }

    /** Whether this node has a key to sign with. */
    public boolean present() {
        return key != null;
    }

    /** The Base64 detached signature of {@code content} by this node; null without a key. */
    public String sign(byte[] content) {
        if (key == null) {
            return null;
        }
        made.increment();
        return Base64.getEncoder().encodeToString(CmsSignatures.signDetached(content, key, certificate,
                clock.instant()));
    }

    /** How many signatures this node's key has made since start. */
    public long signaturesMade() {
        return made.sum();
    }
}
