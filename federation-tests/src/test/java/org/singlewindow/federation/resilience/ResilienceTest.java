package org.singlewindow.federation.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.Hop;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.ChangeRaces;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.ProblemAssert;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.TcpProxy;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.persistence.MariaDb;
import org.singlewindow.node.persistence.MariaDbExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Nothing lost, nothing twice: a province keeps accepting while central is down; central keeps a province's
 * results while that province is down; a crash between the database commit and the broker send strands
 * nothing; a duplicated envelope is applied once; a poison message ends in a dead-letter queue. This class runs
 * its own federation because it stops and starts nodes, with central on the real MariaDB server (through
 * mysql-connector-j, as in production) and the provinces on H2; the change races ({@link ChangeRaces}) run here
 * too, so central decides them on MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResilienceTest {

    private static final QueueNames QUEUES = new QueueNames();
    @RegisterExtension
    static final MariaDbExtension CENTRAL_DATABASE = new MariaDbExtension();

    private Federation federation;
    /** Central reaches its database through this proxy, so a test can take the database away. */
    private TcpProxy databaseLink;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        databaseLink = new TcpProxy(MariaDb.server().getHost(), MariaDb.server().getPort(), Federation.freePort());
        List<String> central = new ArrayList<>(List.of(CENTRAL_DATABASE.database().springArgumentsVia("127.0.0.1",
                databaseLink.port())));
        central.add("--spring.datasource.hikari.connection-timeout=1000");
        federation = Federation.start(dir, central.toArray(String[]::new));
    }

    @AfterAll
    void stop() throws Exception {
        if (federation != null) {
            federation.close();
        }
        if (databaseLink != null) {
            databaseLink.close();
        }
    }

    @Test
    void change_races_should_leave_one_final_outcome_with_central_on_mariadb() {
        ChangeRaces races = new ChangeRaces(federation);
        races.cancellationAgainstRelease(6);
        races.amendmentAgainstRelease(3);
        races.twoRequestsAtOnce(3);
    }

    @Test
    void when_a_province_is_down_central_should_keep_its_results_until_it_returns() {
        String token = federation.token("sh-acme");
        var response = federation.submit(SH, token, Samples.json(Samples.declaration(Samples.ACME_SH)));
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !federation.declaration(federation.url(SH), token, id)
                .get("status").asString().equals("RECEIVED"));
        federation.stopProvince(SH);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "COMPLETED".equals(federation.centralDb().queryForObject(
                "select status from declaration where id = ?", String.class, id)));
        federation.startProvince(SH);
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.declaration(federation.url(SH), token, id)
                .get("status").asString().equals("COMPLETED"));
        JsonNode done = federation.declaration(federation.url(SH), token, id);
        assertThat(Federation.statuses(Federation.agency(done, "GACC").get("receipts")))
                .containsExactly("DELIVERED", "ACCEPTED", "RELEASED");
    }

    @Test
    void when_central_is_down_a_province_should_keep_accepting_and_each_declaration_should_complete_exactly_once()
            throws Exception {
        String token = federation.token("sh-acme");
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations", token).statusCode()).isEqualTo(200);

        federation.stopCentral();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var declaration = Samples.declaration(Samples.ACME_SH);
            if (i % 3 == 1) {
                Samples.remarks(declaration, "SIM:INSPECT");
            }
            var response = federation.submit(SH, token, Samples.json(declaration));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            ids.add(Json.MAPPER.readTree(response.body()).get("id").asString());
        }
        for (String id : ids) {
            assertThat(federation.declaration(federation.url(SH), token, id).get("status").asString())
                    .isEqualTo("RECEIVED");
        }

        federation.startCentral();
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> federation.declaration(federation.url(SH), token, id)
                    .get("status").asString().equals("COMPLETED"));
        }
        for (String id : ids) {
            JsonNode done = federation.declaration(federation.url(SH), token, id);
            assertThat(count(done.get("timeline"), "STATUS", "COMPLETED")).isEqualTo(1);
            assertThat(count(done.get("timeline"), "RECEIPT", "RELEASED")).isEqualTo(1);
            assertThat(Ministries.callsFor(federation.gacc, id)).hasSize(1);
            assertThat(Ministries.callsFor(federation.mofcom, id)).hasSize(1);
            assertThat(federation.centralDb().queryForObject("select count(*) from declaration where id = ?",
                    Integer.class, id)).isEqualTo(1);
        }
    }

    @Test
    void when_a_province_crashes_between_commit_and_send_the_declaration_should_still_complete() {
        federation.stopProvince(SH);
        federation.startProvince(SH, "--sw.outbox.enabled=false");
        String token = federation.token("sh-acme");
        var response = federation.submit(SH, token, Samples.json(Samples.declaration(Samples.ACME_SH)));
        assertThat(response.statusCode()).isEqualTo(202);
        String id = Json.MAPPER.readTree(response.body()).get("id").asString();
        assertThat(federation.db(SH).queryForObject("select count(*) from outbox where group_id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(federation.centralDb().queryForObject("select count(*) from declaration where id = ?",
                Integer.class, id)).isZero();

        federation.stopProvince(SH);
        federation.startProvince(SH);
        await().atMost(Duration.ofSeconds(60)).until(() -> federation.declaration(federation.url(SH), token, id)
                .get("status").asString().equals("COMPLETED"));
        assertThat(federation.db(SH).queryForObject("select count(*) from outbox", Integer.class)).isZero();
        assertThat(Ministries.callsFor(federation.gacc, id)).hasSize(1);
    }

    @Test
    void the_same_envelope_delivered_twice_should_make_one_declaration_and_one_set_of_ministry_calls()
            throws Exception {
        String declarationId = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        var document = Samples.declaration(Samples.ACME_SH);
        Envelope envelope = federation.signers().signedBy("990000", new Envelope(messageId, declarationId,
                MessageType.DECLARATION, DocumentType.GOODS_DECLARATION, "990000", "central", "990000", Instant.now(),
                List.of(new Hop("990000", "SENT", Instant.now())), Envelope.SCHEMA_VERSION, document,
                federation.signers().signature(document), null));
        String body = Json.MAPPER.writeValueAsString(envelope);

        send(QUEUES.inProvinces(), body, messageId);
        send(QUEUES.inProvinces(), body, messageId);
        send(QUEUES.inProvinces(), body, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(federation.centralDb().queryForObject(
                "select status from declaration where id = ?", String.class, declarationId)));
        assertThat(federation.centralDb().queryForObject("select count(*) from declaration where id = ?",
                Integer.class, declarationId)).isEqualTo(1);
        assertThat(federation.centralDb().queryForObject("select count(*) from inbox where message_id = ?",
                Integer.class, messageId)).isEqualTo(1);
        assertThat(Ministries.callsFor(federation.gacc, declarationId)).hasSize(1);
        assertThat(Ministries.callsFor(federation.mofcom, declarationId)).hasSize(1);
    }

    @Test
    void a_message_that_cannot_be_processed_should_end_in_the_dead_letter_queue() throws Exception {
        String poison = "{\"this is\": \"not an envelope\"}";
        String messageId = UUID.randomUUID().toString();
        send(QUEUES.inProvinces(), poison, messageId);
        JsonNode parked = federation.parked(QUEUES.inProvinces(), m -> messageId.equals(m.path("messageId").asString()));
        assertThat(parked.get("reason").asString()).isEqualTo("UNPARSEABLE");
    }

    @Test
    void a_declaration_whose_signature_is_not_the_declarants_should_be_parked_never_processed() throws Exception {
        String declarationId = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        var document = Samples.declaration(Samples.ACME_SH);
        var othersDocument = Samples.declaration(Samples.OTHER_SH);
        Envelope forged = federation.signers().signedBy("990001", new Envelope(messageId, declarationId,
                MessageType.DECLARATION, DocumentType.GOODS_DECLARATION, "990001", "central", "990001", Instant.now(),
                List.of(new Hop("990001", "SENT", Instant.now())), Envelope.SCHEMA_VERSION, document,
                federation.signers().signature(othersDocument), null));
        send(QUEUES.inProvinces(), Json.MAPPER.writeValueAsString(forged), messageId);
        JsonNode parked = federation.parked(QUEUES.inProvinces(), m -> messageId.equals(m.path("messageId").asString()));
        assertThat(parked.get("declarationId").asString()).isEqualTo(declarationId);
        assertThat(parked.get("reason").asString()).isIn("SIGNATURE_INVALID", "SIGNER_MISMATCH");
        assertThat(federation.centralDb().queryForObject("select count(*) from declaration where id = ?",
                Integer.class, declarationId)).isZero();
        assertThat(Ministries.callsFor(federation.gacc, declarationId)).isEmpty();
    }

    @Test
    void envelopes_not_signed_by_the_node_the_link_belongs_to_should_be_parked_never_processed() throws Exception {
        var document = Samples.declaration(Samples.ACME_SH);
        String unsigned = UUID.randomUUID().toString();
        String impostor = UUID.randomUUID().toString();
        String speaksForAnother = UUID.randomUUID().toString();
        String tampered = UUID.randomUUID().toString();
        Envelope base = new Envelope("m", "d", MessageType.DECLARATION, DocumentType.GOODS_DECLARATION, "990002",
                "central", "990002", Instant.now(), List.of(), Envelope.SCHEMA_VERSION, document,
                federation.signers().signature(document), null);
        send(QUEUES.inProvinces(), Json.MAPPER.writeValueAsString(copy(base, unsigned, "990002", "990002")), unsigned);
        send(QUEUES.inProvinces(), Json.MAPPER.writeValueAsString(federation.signers().signedBy("990003",
                copy(base, impostor, "990002", "990002"))), impostor);
        send(QUEUES.inProvinces(), Json.MAPPER.writeValueAsString(federation.signers().signedBy("990002",
                copy(base, speaksForAnother, "990002", "990004"))), speaksForAnother);
        Envelope signed = federation.signers().signedBy("990002", copy(base, tampered, "990002", "990002"));
        send(QUEUES.inProvinces(), Json.MAPPER.writeValueAsString(signed).replace("COSU6263821470", "COSU0000000000"),
                tampered);
        java.util.Map<String, String> expected = java.util.Map.of(unsigned, "UNSIGNED", impostor, "WRONG_NODE",
                speaksForAnother, "WRONG_NODE", tampered, "SIGNATURE_INVALID");
        expected.forEach((id, reason) -> assertThat(federation.parked(QUEUES.inProvinces(),
                m -> id.equals(m.path("messageId").asString())).get("reason").asString()).as(id).isEqualTo(reason));
        for (String id : List.of(unsigned, impostor, speaksForAnother, tampered)) {
            assertThat(federation.centralDb().queryForObject("select count(*) from declaration where id = ?",
                    Integer.class, id)).isZero();
        }
        var refused = federation.centralContext().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("sw.envelopes.refused").counters().stream().map(c -> c.getId().getTag("reason")).toList();
        assertThat(refused).contains("UNSIGNED", "WRONG_NODE", "SIGNATURE_INVALID");
    }

    @Test
    void a_declaration_accepted_before_its_certificate_was_revoked_should_still_be_processed_after_the_wait()
            throws Exception {
        String token = federation.token("sh-acme");
        Path pki = federation.dir.resolve("pki");
        federation.signers().issueEnterprise(Samples.ACME_SH, "上海某某进出口有限公司");
        try {
            var certificate = org.singlewindow.security.Pem.certificate(java.nio.file.Files.readString(
                    pki.resolve("enterprises/" + Samples.ACME_SH + ".pem")));
            federation.stopCentral();
            String id;
            try {
                var accepted = federation.submit(SH, token, Samples.json(Samples.declaration(Samples.ACME_SH)));
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
                // a CRL dates revocations to the second: revoke in a later second than the acceptance
                Instant acceptedBy = Instant.now();
                await().until(() -> Instant.now().getEpochSecond() > acceptedBy.getEpochSecond());
                org.singlewindow.tools.Pki.revoke(pki, certificate, Instant.now());
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ProblemAssert.assertProblem(federation.submit(
                        SH, token, Samples.json(Samples.declaration(Samples.ACME_SH))), 400, "CERTIFICATE_REVOKED"));
            } finally {
                federation.startCentral();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> federation.declaration(federation.url(SH), token, id)
                    .get("status").asString().equals("COMPLETED"));
            assertThat(federation.centralDb().queryForObject("select count(*) from document_signature where "
                    + "declaration_id = ? and valid_at < verified_at", Integer.class, id))
                    .as("judged at the acceptance time, before central verified it, and recorded").isEqualTo(1);
        } finally {
            federation.signers().issueEnterprise(Samples.ACME_SH, "上海某某进出口有限公司");
        }
    }

    @Test
    void when_a_ministry_is_down_far_longer_than_a_few_retries_every_declaration_should_complete_once_it_is_back() {
        String token = federation.token("sh-acme");
        String ops = federation.token("ops-central");
        federation.stopMinistry("GACC");
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                var declaration = Samples.declaration(Samples.ACME_SH);
                if (i % 4 == 1) {
                    Samples.remarks(declaration, "SIM:INSPECT");
                }
                var response = federation.submit(SH, token, Samples.json(declaration));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                ids.add(Json.MAPPER.readTree(response.body()).get("id").asString());
            }
            // the link shows down, attempt after attempt (the old policy dead-lettered after 3 + 5 attempts), and its
            // queue holds the backlog
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode gacc = link(federation.centralUrl(), ops, "agency-link-GACC");
                return !gacc.get("up").asBoolean() && gacc.get("failuresInARow").asLong() >= 15;
            });
            assertThat(link(federation.centralUrl(), ops, "agency-link-GACC").get("lastReason").asString())
                    .isEqualTo("UNREACHABLE");
            JsonNode backlog = backlog(federation.centralUrl(), ops, QUEUES.agency("GACC"));
            assertThat(backlog.get("messages").asLong()).isGreaterThanOrEqualTo(ids.size());
            assertThat(federation.parkedNow(federation.centralUrl(), ops, QUEUES.agency("GACC")))
                    .noneMatch(m -> ids.contains(m.path("declarationId").asString()));
        } finally {
            federation.startMinistry("GACC");
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> federation.declaration(federation.url(SH), token, id)
                    .get("status").asString().equals("COMPLETED"));
        }
        for (String id : ids) {
            JsonNode done = federation.declaration(federation.url(SH), token, id);
            assertThat(Ministries.callsFor(federation.gacc, id)).as("one call per request").hasSize(1);
            List<String> receipts = Federation.statuses(Federation.agency(done, "GACC").get("receipts"));
            assertThat(receipts.get(0)).isEqualTo("DELIVERED");
            assertThat(receipts.get(receipts.size() - 1)).isEqualTo("RELEASED");
            assertThat(count(done.get("timeline"), "STATUS", "COMPLETED")).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                link(federation.centralUrl(), ops, "agency-link-GACC").get("up").asBoolean());
    }

    @Test
    void when_centrals_database_is_down_declarations_should_wait_and_each_complete_once_it_is_back() {
        String token = federation.token("sh-acme");
        String ops = federation.token("ops-central");
        List<String> ids = new ArrayList<>();
        databaseLink.cut();
        try {
            for (int i = 0; i < 4; i++) {
                var response = federation.submit(SH, token, Samples.json(Samples.declaration(Samples.ACME_SH)));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                ids.add(Json.MAPPER.readTree(response.body()).get("id").asString());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode intake = link(federation.centralUrl(), ops, "intake-from-provinces");
                return !intake.get("up").asBoolean() && intake.get("failuresInARow").asLong() >= 5
                        && "DATABASE_UNAVAILABLE".equals(intake.get("lastReason").asString());
            });
        } finally {
            databaseLink.restore();
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> federation.declaration(federation.url(SH), token, id)
                    .get("status").asString().equals("COMPLETED"));
            JsonNode done = federation.declaration(federation.url(SH), token, id);
            assertThat(count(done.get("timeline"), "STATUS", "COMPLETED")).isEqualTo(1);
            assertThat(Ministries.callsFor(federation.gacc, id)).hasSize(1);
        }
        assertThat(federation.parkedNow(federation.centralUrl(), ops, QUEUES.inProvinces()))
                .noneMatch(m -> ids.contains(m.path("declarationId").asString()));
    }

    @Test
    void a_ministry_that_lost_a_request_it_had_accepted_should_be_asked_again_until_the_declaration_completes()
            throws Exception {
        String token = federation.token("sh-acme");
        String accept = java.nio.file.Files.readString(Path.of("..", "deploy", "local", "simulators", "mappings",
                "gacc-accept.json")).replaceAll("\"milliseconds\": \\d+", "\"milliseconds\": 150");
        var forgetful = federation.gacc.stubFor(WireMock.post(WireMock.urlPathEqualTo("/gacc/declarations"))
                .atPriority(0).inScenario("forgetful").whenScenarioStateIs(
                        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .withRequestBody(WireMock.matchingJsonPath("$.document.data.remarks", WireMock.containing("TEST:FORGET")))
                .willReturn(WireMock.okJson("{\"receipts\":[{\"status\":\"ACCEPTED\",\"code\":\"120\"}]}"))
                .willSetStateTo("remembers"));
        var remembering = StubMapping.buildFrom(accept);
        remembering.setPriority(0);
        remembering.setScenarioName("forgetful");
        remembering.setRequiredScenarioState("remembers");
        remembering.setRequest(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.like(
                remembering.getRequest()).withRequestBody(WireMock.matchingJsonPath("$.document.data.remarks",
                WireMock.containing("TEST:FORGET"))).build());
        federation.gacc.addStubMapping(remembering);
        try {
            var response = federation.submit(SH, token, Samples.json(Samples.remarks(
                    Samples.declaration(Samples.ACME_SH), "TEST:FORGET")));
            String id = Json.MAPPER.readTree(response.body()).get("id").asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> federation.declaration(federation.url(SH), token, id)
                    .get("status").asString().equals("COMPLETED"));
            var calls = Ministries.callsFor(federation.gacc, id);
            assertThat(calls).as("asked once more, after the first answer was never followed up").hasSize(2);
            assertThat(calls.stream().map(c -> c.getHeader("X-Message-Id")).distinct()).hasSize(1);
            JsonNode done = federation.declaration(federation.url(SH), token, id);
            assertThat(count(done.get("timeline"), "RECEIPT", "ACCEPTED")).as("the repeated answer counted once")
                    .isEqualTo(1);
        } finally {
            federation.gacc.removeStub(forgetful);
            federation.gacc.removeStub(remembering);
        }
    }

    @Test
    void a_ministry_refusal_should_be_parked_at_once_and_complete_once_an_operator_replays_it() {
        String token = federation.token("sh-acme");
        String ops = federation.token("ops-central");
        var refusal = federation.gacc.stubFor(WireMock.post(WireMock.urlPathEqualTo("/gacc/declarations")).atPriority(0)
                .withRequestBody(WireMock.matchingJsonPath("$.document.data.remarks", WireMock.containing("TEST:REFUSE")))
                .willReturn(WireMock.aResponse().withStatus(400).withBody("{\"error\":\"bad request\"}")));
        String id;
        try {
            var response = federation.submit(SH, token, Samples.json(Samples.remarks(
                    Samples.declaration(Samples.ACME_SH), "TEST:REFUSE")));
            id = Json.MAPPER.readTree(response.body()).get("id").asString();
            JsonNode parked = federation.parked(QUEUES.agency("GACC"), m -> id.equals(m.path("declarationId").asString()));
            assertThat(parked.get("reason").asString()).isEqualTo("AGENCY_REFUSED_400");
            assertThat(parked.get("messageType").asString()).isEqualTo("AGENCY_REQUEST");
            assertThat(Ministries.callsFor(federation.gacc, id)).as("a refusal is not retried").hasSize(1);

            federation.gacc.removeStub(refusal);
            var replayed = federation.post(federation.centralUrl() + "/api/v1/ops/dead-letters/"
                    + QUEUES.agency("GACC") + "/replay", ops, "application/json",
                    "{\"messageId\":\"" + parked.get("messageId").asString() + "\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(replayed.body()).get("replayed").get(0).asString())
                    .isEqualTo(parked.get("messageId").asString());
        } finally {
            federation.gacc.removeStub(refusal);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.declaration(federation.url(SH), token, id)
                .get("status").asString().equals("COMPLETED"));
        assertThat(federation.parkedNow(federation.centralUrl(), ops, QUEUES.agency("GACC")))
                .noneMatch(m -> id.equals(m.path("declarationId").asString()));
        assertThat(federation.centralDb().queryForObject("select count(*) from audit_record where action = "
                + "'DEAD_LETTER_REPLAYED' and actor = 'ops-central'", Integer.class)).isPositive();
    }

    @Test
    void an_operator_should_discard_a_dead_letter_only_with_a_reason_and_only_at_a_node_it_operates() throws Exception {
        String ops = federation.token("ops-central");
        String messageId = UUID.randomUUID().toString();
        send(QUEUES.inProvinces(), "not even json", messageId);
        assertThat(federation.parked(QUEUES.inProvinces(), m -> messageId.equals(m.path("messageId").asString()))
                .get("reason").asString()).isEqualTo("UNPARSEABLE");
        String url = federation.centralUrl() + "/api/v1/ops/dead-letters/" + QUEUES.inProvinces() + "/discard";

        var noReason = federation.post(url, ops, "application/json", "{\"messageId\":\"" + messageId + "\"}");
        ProblemAssert.assertProblem(noReason, 400, "VALIDATION_FAILED");
        assertThat(noReason.body()).contains("$.reason");
        ProblemAssert.assertProblem(federation.post(url, federation.token("ops-310000"), "application/json",
                "{\"messageId\":\"" + messageId + "\",\"reason\":\"test\"}"), 403, "NOT_THIS_NODES_OPERATOR");
        ProblemAssert.assertProblem(federation.post(url, federation.token("sh-acme"), "application/json",
                "{\"messageId\":\"" + messageId + "\",\"reason\":\"test\"}"), 403, "NOT_THIS_NODES_OPERATOR");
        ProblemAssert.assertProblem(federation.post(federation.centralUrl() + "/api/v1/ops/dead-letters/sw.nowhere/discard",
                ops, "application/json", "{\"messageId\":\"x\",\"reason\":\"test\"}"), 404, "QUEUE_UNKNOWN");

        var discarded = federation.post(url, ops, "application/json", "{\"messageId\":\"" + messageId
                + "\",\"reason\":\"garbage from a test client\"}");
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(federation.parkedNow(federation.centralUrl(), ops, QUEUES.inProvinces()))
                .noneMatch(m -> messageId.equals(m.path("messageId").asString()));
        ProblemAssert.assertProblem(federation.post(url, ops, "application/json", "{\"messageId\":\"" + messageId
                + "\",\"reason\":\"again\"}"), 404, "NOT_PARKED");
        assertThat(federation.centralDb().queryForObject("select detail from audit_record where action = "
                + "'DEAD_LETTER_DISCARDED' and subject = ?", String.class, messageId)).contains("garbage from a test client");
    }

    @Test
    void a_province_operator_should_see_the_provinces_links_and_backlogs() {
        String ops = federation.token("ops-310000");
        var health = federation.get(federation.url(SH) + "/api/v1/ops/links", ops);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(health.body());
        assertThat(body.get("links").valueStream().map(l -> l.get("link").asString()))
                .contains("uplink-to-central", "results-from-central");
        assertThat(body.get("queues").valueStream().map(q -> q.get("queue").asString() + "@" + q.get("broker").asString()))
                .contains(QUEUES.outCentral() + "@LOCAL", QUEUES.outProvince(SH) + "@CENTRAL");
        ProblemAssert.assertProblem(federation.get(federation.url(SH) + "/api/v1/ops/links",
                federation.token("ops-440000")), 403, "NOT_THIS_NODES_OPERATOR");
    }

    private JsonNode link(String nodeUrl, String token, String name) {
        var response = federation.get(nodeUrl + "/api/v1/ops/links", token);
        return Json.MAPPER.readTree(response.body()).get("links").valueStream()
                .filter(l -> name.equals(l.get("link").asString())).findFirst().orElseThrow();
    }

    private JsonNode backlog(String nodeUrl, String token, String queue) {
        var response = federation.get(nodeUrl + "/api/v1/ops/links", token);
        return Json.MAPPER.readTree(response.body()).get("queues").valueStream()
                .filter(q -> queue.equals(q.get("queue").asString())).findFirst().orElseThrow();
    }

    /** The same envelope with another message id (= declaration id here), sender and province. */
    private static Envelope copy(Envelope e, String id, String sender, String origin) {
        return new Envelope(id, id, e.messageType(), e.documentType(), sender, e.receiver(), origin, e.createdAt(),
                e.hops(), e.schemaVersion(), e.payload(), e.documentSignature(), e.submittedBy());
    }

    private void send(String queue, String body, String duplicateId) throws Exception {
        try (Connection connection = federation.centralBrokerAs("province-" + SH, Federation.brokerPassword(SH))
                .createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            TextMessage message = session.createTextMessage(body);
            if (duplicateId != null) {
                message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
                message.setStringProperty("swMessageId", duplicateId);
            }
            producer.send(message);
        }
    }

    private static long count(JsonNode timeline, String kind, String status) {
        return timeline.valueStream().filter(e -> kind.equals(e.get("kind").asString())
                && status.equals(e.path("status").asString(""))).count();
    }
}
