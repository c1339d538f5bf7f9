package org.singlewindow.federation.support;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/** Documents submitted at Shanghai and waited for until final, as most federation tests need them. */
public final class StandardDeclarations {

    private final Federation federation;

    public StandardDeclarations(Federation federation) {
        this.federation = federation;
    }

    /** Submits a standard sample at Shanghai as sh-acme and waits for its final status; returns its id. */
    public String submittedAndFinal(String sample) {
        String id = submitted(StandardSamples.load(sample), "sh-acme");
        awaitFinal(id);
        return id;
    }

    /** Submits {@code document} at Shanghai as {@code client}; asserts the 202 and returns the declaration's id. */
    public String submitted(ObjectNode document, String client) {
        HttpResponse<String> response = federation.submit(SH, federation.token(client),
                Json.MAPPER.writeValueAsString(document));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.MAPPER.readTree(response.body()).get("id").asString();
    }

    /** Waits (30 s at most) until the declaration is COMPLETED or REJECTED at Shanghai; returns its last view. */
    public JsonNode awaitFinal(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = federation.declaration(federation.url(SH), federation.token("sh-acme"), id);
            return last[0].get("status").asString().matches("COMPLETED|REJECTED");
        });
        return last[0];
    }
}
