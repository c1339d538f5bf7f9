package org.singlewindow.federation.agencies;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.ProblemAssert;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.node.outbox.OutboxMapper;
import org.singlewindow.node.outbox.OutboxRelay;
import org.singlewindow.node.outbox.OutboxRow;
import org.singlewindow.node.signature.EnvelopeSignatures;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Rows published together are signed together (one signature over the batch's Merkle root, each envelope
 * verifiable on its own). One bad outbox row never blocks the others: behind a row the relay published before a crash (so the broker
 * rejects the batch's transaction for the duplicate) and a row whose sealed body does not open (it was sealed for
 * another row), the rows still go out; the duplicate is dropped, the unreadable row is parked with its reason, and an
 * operator discards it with a reason.
 */
@ExtendWith(SharedFederation.class)
class OutboxRelayTest {

    @Test
    void a_duplicate_and_an_unreadable_row_should_not_block_the_rows_behind_them(Federation federation)
            throws Exception {
        ConfigurableApplicationContext shanghai = federation.context(SH);
        OutboxMapper outbox = shanghai.getBean(OutboxMapper.class);
        OutboxRelay relay = shanghai.getBean(OutboxRelay.class);
        TransactionTemplate tx = shanghai.getBean(TransactionTemplate.class);
        JdbcTemplate db = federation.db(SH);
        String queue = "sw.test.relay." + UUID.randomUUID();
        String sent = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();

        tx.executeWithoutResult(s -> outbox.insert(row(sent, queue, OutboxRow.seal(sent, body(sent)))));
        relay.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(db, sent) == 0);

        tx.executeWithoutResult(s -> {
            outbox.insert(row(sent, queue, OutboxRow.seal(sent, body(sent))));
            outbox.insert(row(poison, queue, OutboxRow.seal("another-row", body(poison))));
            outbox.insert(row(second, queue, OutboxRow.seal(second, body(second))));
            outbox.insert(row(third, queue, OutboxRow.seal(third, body(third))));
        });
        relay.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(db, sent) + rows(db, second) + rows(db, third) == 0);
        assertThat(db.queryForObject("select park_reason from outbox where message_id = ?", String.class, poison))
                .startsWith("BODY_UNREADABLE");
        assertThat(received(shanghai.getBean(ConnectionFactory.class), queue)).extracting(Envelope::messageId)
                .containsExactly(sent, second, third);

        String ops = federation.token("ops-310000");
        var parked = federation.get(federation.url(SH) + "/api/v1/ops/outbox/parked", ops);
        JsonNode row = Json.MAPPER.readTree(parked.body()).valueStream()
                .filter(r -> poison.equals(r.get("messageId").asString())).findFirst().orElseThrow();
        String discard = federation.url(SH) + "/api/v1/ops/outbox/" + row.get("id").asLong() + "/discard";
        ProblemAssert.assertProblem(federation.post(discard, ops, "application/json", "{}"), 400, "VALIDATION_FAILED");
        var discarded = federation.post(discard, ops, "application/json", "{\"reason\":\"sealed for another row\"}");
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(rows(db, poison)).isZero();
        assertThat(db.queryForObject("select count(*) from audit_record where action = 'OUTBOX_ROW_DISCARDED' "
                + "and detail = 'sealed for another row'", Integer.class)).isEqualTo(1);
    }

    @Test
    void rows_published_together_should_share_one_signature_and_each_should_verify_at_central_on_its_own(
            Federation federation) throws Exception {
        ConfigurableApplicationContext shanghai = federation.context(SH);
        OutboxMapper outbox = shanghai.getBean(OutboxMapper.class);
        String queue = "sw.test.relay." + UUID.randomUUID();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        shanghai.getBean(TransactionTemplate.class).executeWithoutResult(s -> ids.forEach(id ->
                outbox.insert(row(id, queue, OutboxRow.seal(id, body(id))))));
        shanghai.getBean(OutboxRelay.class).wakeUp();
        List<Envelope> received = received(shanghai.getBean(ConnectionFactory.class), queue);
        assertThat(received).extracting(Envelope::messageId).containsExactlyElementsOf(ids);
        assertThat(received).extracting(Envelope::nodeSignature).doesNotContainNull()
                .containsOnly(received.get(0).nodeSignature());
        assertThat(received).extracting(e -> e.batch().index()).doesNotHaveDuplicates();
        assertThat(received).extracting(e -> e.batch().size()).containsOnly(received.get(0).batch().size());

        EnvelopeSignatures central = federation.centralContext().getBean(EnvelopeSignatures.class);
        received.forEach(central::verify);
        Envelope altered = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(received.get(1))
                .replace(ids.get(1) + "\"}", ids.get(1) + "X\"}"), Envelope.class);
        assertThat(altered.payload().toString()).contains(ids.get(1) + "X");
        assertThatThrownBy(() -> central.verify(altered)).isInstanceOf(EnvelopeSignatures.EnvelopeRefused.class)
                .hasMessageContaining("SIGNATURE_INVALID");
    }

    private static OutboxRow row(String messageId, String queue, org.singlewindow.node.atrest.SealedText body) {
        return new OutboxRow(null, messageId, queue, "relay-test", body, Instant.now());
    }

    private static String body(String messageId) {
        return Json.MAPPER.writeValueAsString(new Envelope(messageId, "relay-test", MessageType.DECLARATION,
                DocumentType.GOODS_DECLARATION, SH, "central", SH, Instant.now(), List.of(), Envelope.SCHEMA_VERSION,
                Json.MAPPER.readTree("{\"clientReference\":\"" + messageId + "\"}")));
    }

    private static int rows(JdbcTemplate db, String messageId) {
        return db.queryForObject("select count(*) from outbox where message_id = ?", Integer.class, messageId);
    }

    /** Every envelope on the queue, in order (the first awaited up to 10 s). */
    private static List<Envelope> received(ConnectionFactory connections, String queue) throws Exception {
        List<Envelope> envelopes = new ArrayList<>();
        try (JMSContext context = connections.createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            for (var m = consumer.receive(10_000); m != null; m = consumer.receive(500)) {
                envelopes.add(Json.MAPPER.readValue(((TextMessage) m).getText(), Envelope.class));
            }
        }
        return envelopes;
    }
}
