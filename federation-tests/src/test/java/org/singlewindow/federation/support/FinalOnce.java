package org.singlewindow.federation.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * The fault tests' stream and their verdict, at Shanghai: goods declarations submitted one after another (every
 * fifth sent to inspection), and "every declaration that got a 202 reached its final status exactly once": one
 * final status event, GACC's release and MOFCOM's verification once each, the declaration known at central, and
 * every call GACC received for it carrying the same message id.
 */
public final class FinalOnce {

    private final Federation federation;

    public FinalOnce(Federation federation) {
        this.federation = federation;
    }

    /** Submits {@code count} declarations at Shanghai; each must be accepted (202). Returns their ids. */
    public List<String> submit(int count) {
        String token = federation.token("sh-acme");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var declaration = Samples.declaration(Samples.ACME_SH);
            if (i % 5 == 2) {
                Samples.remarks(declaration, "SIM:INSPECT");
            }
            HttpResponse<String> response = federation.submit(SH, token, Samples.json(declaration));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            ids.add(Json.MAPPER.readTree(response.body()).get("id").asString());
        }
        return ids;
    }

    /** A declaration's overall status at Shanghai. */
    public String status(String id) {
        return federation.declaration(federation.url(SH), federation.token("sh-acme"), id).get("status").asString();
    }

    public void assertAllFinalExactlyOnce(List<String> ids) {
        String token = federation.token("sh-acme");
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> status(id).equals("COMPLETED"));
        }
        for (String id : ids) {
            JsonNode done = federation.declaration(federation.url(SH), token, id);
            JsonNode timeline = done.get("timeline");
            assertThat(count(timeline, "STATUS", "COMPLETED")).as("%s: one final status", id).isEqualTo(1);
            assertThat(count(timeline, "RECEIPT", "RELEASED")).as("%s: GACC's release once", id).isEqualTo(1);
            assertThat(count(timeline, "RECEIPT", "VERIFIED")).as("%s: MOFCOM's verification once", id).isEqualTo(1);
            assertThat(federation.get(federation.centralUrl() + "/api/v1/declarations/" + id,
                    federation.token("ops-central")).statusCode()).as("%s at central", id).isEqualTo(200);
            List<LoggedRequest> calls = Ministries.callsFor(federation.gacc, id);
            assertThat(calls).as("%s: delivered to GACC", id).isNotEmpty();
            assertThat(calls.stream().map(c -> c.getHeader("X-Message-Id")).distinct())
                    .as("%s: every GACC call is the same request", id).hasSize(1);
        }
    }

    /**
     * Asks for one amendment of each (completed) declaration at Shanghai, each must be taken (202); returns the
     * change ids, in the order of {@code ids}.
     */
    public List<String> amend(List<String> ids) {
        Changes changes = new Changes(federation);
        List<String> changeIds = new ArrayList<>();
        for (String id : ids) {
            var document = (tools.jackson.databind.node.ObjectNode) federation.declaration(federation.url(SH),
                    federation.token("sh-acme"), id).get("document").deepCopy();
            HttpResponse<String> response = changes.amend("sh-acme", id, Samples.remarks(document,
                    "amended before a crash"), "06", "entry error");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            changeIds.add(Json.MAPPER.readTree(response.body()).get("id").asString());
        }
        return changeIds;
    }

    /**
     * Every amendment approved and applied exactly once: version 2 current at both nodes, one APPROVED step of the
     * change on each node's timeline, and every call GACC received for the change carrying the same message id.
     */
    public void assertAmendedExactlyOnce(List<String> ids, List<String> changeIds) {
        Changes changes = new Changes(federation);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String changeId = changeIds.get(i);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> changes.change(federation.url(SH), id, changeId).path("state").asString()
                            .equals("APPROVED"));
            String token = federation.token("sh-acme");
            for (String node : List.of(federation.url(SH), federation.centralUrl())) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> changes.change(node, id, changeId).path("state").asString().equals("APPROVED"));
                JsonNode versions = Json.MAPPER.readTree(federation.get(node + "/api/v1/declarations/" + id
                        + "/versions", token).body());
                assertThat(versions).as("%s at %s: two versions", id, node).hasSize(2);
                assertThat(versions.get(1).get("current").asBoolean()).as("%s at %s: version 2 current", id, node)
                        .isTrue();
                JsonNode timeline = federation.declaration(node, token, id).get("timeline");
                assertThat(timeline.valueStream().filter(e -> "CHANGE".equals(e.get("kind").asString())
                        && "APPROVED".equals(e.path("status").asString("")) && !e.hasNonNull("agency")).count())
                        .as("%s at %s: settled once", id, node).isOne();
            }
            List<LoggedRequest> calls = federation.gacc.findAll(WireMock.postRequestedFor(
                    WireMock.urlPathEqualTo("/gacc/declarations/changes")).withRequestBody(WireMock.containing(
                    changeId)));
            assertThat(calls).as("%s: GACC asked", changeId).isNotEmpty();
            assertThat(calls.stream().map(c -> c.getHeader("X-Message-Id")).distinct())
                    .as("%s: every GACC call is the same request", changeId).hasSize(1);
        }
    }

    private static long count(JsonNode timeline, String kind, String status) {
        return timeline.valueStream().filter(e -> kind.equals(e.get("kind").asString())
                && status.equals(e.path("status").asString(""))).count();
    }
}
