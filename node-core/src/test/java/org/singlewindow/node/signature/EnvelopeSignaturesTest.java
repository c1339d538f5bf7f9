package org.singlewindow.node.signature;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.BatchProof;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.NodeRole;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.routing.Destination;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Envelopes signed a batch at a time: one signature for the batch, each envelope verifiable on its own, and every
 * way of moving, altering or re-using an envelope's place in a batch refused with its reason.
 */
class EnvelopeSignaturesTest {

    /** The one clock of the test: what is signed and what is checked agree on the time, whatever the date. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), java.time.ZoneOffset.UTC);
    private static final Instant NOW = CLOCK.instant();
    private static final KeyPair CA = Sm2Pki.derivedKeyPair("envelope-test", "ca");
    private static final X509Certificate ROOT = Sm2Pki.rootCertificate(CA, "Envelope Test Root",
            NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)));

    @TempDir
    Path dir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FederationTrust trust;
    private EnvelopeSignatures central;

    @BeforeEach
    void pki() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), Pem.write(ROOT));
        Files.writeString(dir.resolve("crl.pem"), Pem.write(Sm2Pki.crl(ROOT, CA.getPrivate(), List.of(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7)))));
        trust = new FederationTrust(pki("central"), CLOCK, meters);
        central = signatures("central");
    }

    @Test
    void a_batch_should_carry_one_signature_and_each_of_its_envelopes_should_verify_on_its_own() {
        List<Envelope> batch = central.signBatch(envelopes(7));
        assertThat(batch).extracting(Envelope::nodeSignature).doesNotContainNull().containsOnly(
                batch.get(0).nodeSignature());
        assertThat(batch).extracting(e -> e.batch().index()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(batch).extracting(e -> e.batch().size()).containsOnly(7);
        long verified = CmsSignatures.verifications();
        for (Envelope envelope : batch) {
            central.verify(roundTrip(envelope));
        }
        assertThat(CmsSignatures.verifications() - verified).as("SM2 verifications for the batch").isEqualTo(1);
        assertThat(meters.counter("sw.envelopes.signed.batches").count()).isEqualTo(1);
        assertThat(meters.counter("sw.envelopes.signed").count()).isEqualTo(7);
    }

    @Test
    void an_agency_request_should_stay_unsigned_and_outside_the_batch() {
        List<Envelope> envelopes = new ArrayList<>(envelopes(3));
        envelopes.add(1, envelope("request", MessageType.AGENCY_REQUEST));
        List<Envelope> batch = central.signBatch(envelopes);
        assertThat(batch.get(1).nodeSignature()).isNull();
        assertThat(batch.get(1).batch()).isNull();
        assertThat(List.of(batch.get(0), batch.get(2), batch.get(3))).extracting(e -> e.batch().index())
                .containsExactly(0, 1, 2);
        batch.stream().filter(e -> e.batch() != null).forEach(e -> central.verify(roundTrip(e)));
    }

    @Test
    void an_altered_envelope_or_one_given_another_envelopes_place_should_be_refused_as_invalid() {
        List<Envelope> batch = central.signBatch(envelopes(5));
        Envelope altered = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(batch.get(2))
                .replace("\"amount\":2", "\"amount\":9"), Envelope.class);
        assertRefused(altered, "SIGNATURE_INVALID");
        Envelope moved = batch.get(3).withBatchSignature(batch.get(3).nodeSignature(), batch.get(2).batch());
        assertRefused(moved, "SIGNATURE_INVALID");
        BatchProof proof = batch.get(3).batch();
        assertRefused(batch.get(3).withBatchSignature(batch.get(3).nodeSignature(),
                new BatchProof(proof.index(), 6, proof.signedAt(), proof.path())), "SIGNATURE_INVALID");
        assertRefused(batch.get(3).withBatchSignature(batch.get(3).nodeSignature(), new BatchProof(proof.index(),
                proof.size(), proof.signedAt().minusSeconds(1), proof.path())), "SIGNATURE_INVALID");
        Envelope ownSignature = batch.get(3).withNodeSignature(batch.get(3).nodeSignature());
        assertRefused(ownSignature, "SIGNATURE_INVALID");
    }

    @Test
    void a_path_of_the_wrong_length_or_not_base64_should_be_refused_as_malformed() {
        Envelope envelope = central.signBatch(envelopes(5)).get(1);
        BatchProof proof = envelope.batch();
        assertRefused(envelope.withBatchSignature(envelope.nodeSignature(), new BatchProof(proof.index(),
                proof.size(), proof.signedAt(), proof.path().subList(1, proof.path().size()))), "SIGNATURE_MALFORMED");
        assertRefused(envelope.withBatchSignature(envelope.nodeSignature(), new BatchProof(7, proof.size(),
                proof.signedAt(), proof.path())), "SIGNATURE_MALFORMED");
        assertRefused(envelope.withBatchSignature(envelope.nodeSignature(), new BatchProof(proof.index(),
                proof.size(), proof.signedAt(), List.of("not base64!", proof.path().get(1), proof.path().get(2)))),
                "SIGNATURE_MALFORMED");
    }

    @Test
    void an_envelope_that_waited_through_its_nodes_certificate_renewal_should_be_judged_when_its_batch_was_signed() {
        // the node's certificate is valid from an hour ago; the envelope was written two days ago and only now sent
        Envelope waited = new Envelope("waited", "d-waited", MessageType.AGENCY_RECEIPT, DocumentType.GOODS_DECLARATION,
                "central", "province:310000", "310000", NOW.minus(Duration.ofDays(2)), List.of(),
                Envelope.SCHEMA_VERSION, Json.MAPPER.readTree("{\"status\":\"RELEASED\"}"));
        Envelope signed = central.signBatch(List.of(waited)).get(0);
        central.verify(roundTrip(signed));
        assertThat(signed.batch().signedAt()).isAfter(waited.createdAt());
    }

    @Test
    void a_batch_signed_by_another_node_than_the_links_should_be_refused() {
        Envelope fromShanghai = signatures("310000").signBatch(envelopes(2)).get(0);
        assertRefused(fromShanghai, "WRONG_NODE");
    }

    @Test
    void without_a_node_key_nothing_should_be_signed() {
        EnvelopeSignatures keyless = new EnvelopeSignatures(trust, role(), pki(null), meters,
                new NodeKey(node("central"), pki(null), CLOCK), CLOCK);
        assertThat(keyless.signBatch(envelopes(3))).allSatisfy(e -> {
            assertThat(e.nodeSignature()).isNull();
            assertThat(e.batch()).isNull();
        });
    }

    private void assertRefused(Envelope envelope, String reason) {
        assertThatThrownBy(() -> central.verify(envelope)).isInstanceOf(EnvelopeSignatures.EnvelopeRefused.class)
                .extracting(e -> ((EnvelopeSignatures.EnvelopeRefused) e).reason()).isEqualTo(reason);
    }

    private static Envelope roundTrip(Envelope envelope) {
        return Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(envelope), Envelope.class);
    }

    private static List<Envelope> envelopes(int n) {
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            envelopes.add(envelope("m-" + i, MessageType.AGENCY_RECEIPT));
        }
        return envelopes;
    }

    private static Envelope envelope(String id, MessageType type) {
        return new Envelope(id, "d-" + id, type, DocumentType.GOODS_DECLARATION, "central", "province:310000",
                "310000", NOW, List.of(), Envelope.SCHEMA_VERSION,
                Json.MAPPER.readTree("{\"status\":\"RELEASED\",\"amount\":2,\"id\":\"" + id + "\"}"));
    }

    private EnvelopeSignatures signatures(String code) {
        return new EnvelopeSignatures(trust, role(), pki(code), meters, new NodeKey(node(code), pki(code), CLOCK), CLOCK);
    }

    /** The PKI settings of a node whose key is {@code code}'s (null: no key). */
    private PkiProperties pki(String code) {
        Path key = null;
        Path certificate = null;
        if (code != null) {
            KeyPair keys = Sm2Pki.derivedKeyPair("envelope-test", code);
            key = dir.resolve(code + "-key.pem");
            certificate = dir.resolve(code + ".pem");
            try {
                Files.writeString(key, Pem.write(keys.getPrivate()));
                Files.writeString(certificate, Pem.write(Sm2Pki.issue(ROOT, CA.getPrivate(),
                        new Sm2Pki.Subject(Sm2Pki.Kind.NODE, code, "node " + code), keys.getPublic(),
                        BigInteger.valueOf(code.hashCode() & 0xffff), NOW.minus(Duration.ofHours(1)),
                        NOW.plus(Duration.ofDays(30)))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new PkiProperties(dir.resolve("ca.pem"), dir.resolve("crl.pem"), true, Duration.ofSeconds(5), key,
                certificate, code != null, true, Duration.ofDays(30), false);
    }

    private static NodeProperties node(String code) {
        return new Binder(new MapConfigurationPropertySource(Map.of("sw.code", code)))
                .bindOrCreate("sw", NodeProperties.class);
    }

    /** A province's view: everything it receives must come from central. */
    private static NodeRoleModule role() {
        return new NodeRoleModule() {
            @Override
            public NodeRole role() {
                return NodeRole.PROVINCIAL;
            }

            @Override
            public List<String> misconfigurations(NodeProperties node, Binder settings) {
                return List.of();
            }

            @Override
            public boolean mayRouteTo(Destination destination, NodeProperties node) {
                return false;
            }

            @Override
            public String queueFor(Destination destination, QueueNames names) {
                throw new IllegalArgumentException("not sending");
            }

            @Override
            public List<String> operatedQueues(NodeProperties node, QueueNames names) {
                return List.of();
            }

            @Override
            public String expectedSigner(Envelope envelope) {
                return "central";
            }
        };
    }
}
