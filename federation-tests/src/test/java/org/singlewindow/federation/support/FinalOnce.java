package org.singlewindow.federation.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    private static long count(JsonNode timeline, String kind, String status) {
        return timeline.valueStream().filter(e -> kind.equals(e.get("kind").asString())
                && status.equals(e.path("status").asString(""))).count();
    }
}
