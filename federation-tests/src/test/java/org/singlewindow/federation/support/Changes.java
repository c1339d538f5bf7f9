package org.singlewindow.federation.support;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.singlewindow.contracts.exchange.ChangeRequest;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/** Amendments and cancellations at Shanghai as a declarant's software makes them: signed, then waited for. */
public final class Changes {

    private final Federation federation;

    public Changes(Federation federation) {
        this.federation = federation;
    }

    /** Asks for an amendment as {@code client}: the new version signed by its declarant. */
    public HttpResponse<String> amend(String client, String id, ObjectNode document, String reasonCode, String reason) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("reasonCode", reasonCode).put("reasonText", reason);
        body.set("document", document);
        return federation.post(federation.url(SH) + "/api/v1/declarations/" + id + "/amendments",
                federation.token(client), "application/json", Json.MAPPER.writeValueAsString(body),
                federation.signers().signature(document));
    }

    /** Asks for a cancellation as {@code client}, signed by {@code uscc}. */
    public HttpResponse<String> cancel(String client, String uscc, String id, String reasonCode, String reason) {
        String body = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().put("reasonCode", reasonCode)
                .put("reasonText", reason));
        return federation.post(federation.url(SH) + "/api/v1/declarations/" + id + "/cancellations",
                federation.token(client), "application/json", body, federation.signers().signatureBy(uscc,
                        Json.MAPPER.writeValueAsString(ChangeRequest.cancellation(id, reasonCode, reason))));
    }

    /** The change at a node as the declarant sees it. */
    public JsonNode change(String nodeUrl, String id, String changeId) {
        HttpResponse<String> response = federation.get(nodeUrl + "/api/v1/declarations/" + id + "/changes/"
                + changeId, federation.token("sh-acme"));
        return Json.MAPPER.readTree(response.body());
    }

    /** Waits (30 s at most) until the change is APPROVED or REFUSED at Shanghai; returns it. */
    public JsonNode awaitSettled(String id, String changeId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = change(federation.url(SH), id, changeId);
            return last[0].path("state").asString().matches("APPROVED|REFUSED");
        });
        return last[0];
    }
}
