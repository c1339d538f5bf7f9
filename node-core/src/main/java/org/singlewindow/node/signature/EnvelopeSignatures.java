package org.singlewindow.node.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.node.transport.PermanentFailure;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Sm2Pki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Signed hops. Every envelope a node sends to another node is signed with the node's SM2 key over its canonical form (the
 * signature field left out). A receiving node checks the signature against the federation CA and CRL, and that
 * the signer is the node the link belongs to: at a province every message comes from central; at central a
 * message comes from the province that sent it, which must be the province it speaks for (a province cannot
 * speak for another). A refused envelope is counted ({@code sw.envelopes.refused}) and thrown back, so the
 * shared error policy parks it in the dead-letter queue; it is never processed.
 */
@Service
public class EnvelopeSignatures {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeSignatures.class);

    private final FederationTrust trust;
    private final NodeRoleModule role;
    private final PkiProperties pki;
    private final MeterRegistry meters;
    private final NodeKey key;

    public EnvelopeSignatures(FederationTrust trust, NodeRoleModule role, PkiProperties pki, MeterRegistry meters,
                              NodeKey key) {
        this.trust = trust;
        this.role = role;
        this.pki = pki;
        this.meters = meters;
        this.key = key;
    }

    /**
     * The envelope signed by this node when it goes to another node; unchanged when this node has no key, and for an
     * agency request, which never leaves the node: central's own agency link consumes it and signs what it sends
     * the ministry ({@code AgencyRequestSignatures}).
     */
    public Envelope sign(Envelope envelope) {
        return key.present() && envelope.messageType() != MessageType.AGENCY_REQUEST
                ? envelope.withNodeSignature(key.sign(canonical(envelope))) : envelope;
    }

    /**
     * Checks an envelope received from another node.
     *
     * @throws EnvelopeRefused naming the reason when it must not be processed
     */
    public void verify(Envelope envelope) {
        if (envelope.nodeSignature() == null) {
            if (pki.requireSignedEnvelopes()) {
                throw refused("UNSIGNED", "envelope " + envelope.messageId() + " is not signed by its sending node");
            }
            return;
        }
        CmsSignatures.Signer signer;
        try {
            signer = CmsSignatures.verifyDetached(Base64.getDecoder().decode(envelope.nodeSignature()),
                    canonical(envelope), trust.root(), trust.crl(), trust.judgedAt(envelope.createdAt()));
        } catch (CmsSignatures.Refused e) {
            throw refused(e.reason().name(), "envelope " + envelope.messageId() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw refused("SIGNATURE_MALFORMED", "envelope " + envelope.messageId() + ": signature is not Base64");
        }
        String expected = expectedSigner(envelope);
        if (signer.subject() == null || signer.subject().kind() != Sm2Pki.Kind.NODE
                || !expected.equals(signer.subject().identifier())) {
            throw refused("WRONG_NODE", "envelope " + envelope.messageId() + " is signed by "
                    + (signer.subject() == null ? "an unknown subject" : signer.subject().identifier())
                    + ", but this link belongs to " + expected);
        }
    }

    /** Who must have signed, as the role's module says ({@link NodeRoleModule#expectedSigner}). */
    private String expectedSigner(Envelope envelope) {
        try {
            return role.expectedSigner(envelope);
        } catch (IllegalArgumentException e) {
            throw refused("WRONG_NODE", "envelope " + envelope.messageId() + ": " + e.getMessage());
        }
    }

    private static byte[] canonical(Envelope envelope) {
        return CanonicalJson.canonicalize(Json.MAPPER.valueToTree(envelope.withNodeSignature(null)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private EnvelopeRefused refused(String reason, String message) {
        meters.counter("sw.envelopes.refused", "reason", reason).increment();
        log.warn("envelope refused ({}): {}", reason, message);
        return new EnvelopeRefused(reason, message);
    }

    /** An envelope that must not be processed: parked at once, with its reason. */
    public static final class EnvelopeRefused extends PermanentFailure {

        EnvelopeRefused(String reason, String message) {
            super(reason, message);
        }
    }
}
