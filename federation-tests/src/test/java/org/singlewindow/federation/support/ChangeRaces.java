package org.singlewindow.federation.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Change requests racing what they could clash with, on documents customs holds (dispatched, not final), each pair
 * started together at a barrier: a cancellation against customs' release, an amendment against the release, and
 * two requests at once. Whatever wins, a document ends with one final outcome, the same at the province and at
 * central, and statuses only moved forward.
 */
public final class ChangeRaces {

    private final Federation federation;
    private final StandardDeclarations declarations;
    private final Changes changes;

    public ChangeRaces(Federation federation) {
        this.federation = federation;
        this.declarations = new StandardDeclarations(federation);
        this.changes = new Changes(federation);
    }

    /** A cancellation against customs' release: CANCELLED with the change approved, or COMPLETED without. */
    public void cancellationAgainstRelease(int documents) {
        List<String> ids = held(documents);
        List<HttpResponse<String>> asked = race(ids, id -> () -> changes.cancel("sh-acme", Samples.ACME_SH, id, "05",
                "race"), id -> () -> release(id));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String outcome = settledOutcome(id, asked.get(i));
            assertThat(outcome).as(id).isIn("CANCELLED", "COMPLETED");
            String change = asked.get(i).statusCode() == 409 ? null : changeState(id, asked.get(i));
            assertThat(change).as("%s: the change agrees with the outcome", id)
                    .isEqualTo(outcome.equals("CANCELLED") ? "APPROVED" : change == null ? null : "REFUSED");
            assertOneFinalStatus(id, outcome);
        }
    }

    /** An amendment against customs' release: COMPLETED either way, the new version current once customs approved. */
    public void amendmentAgainstRelease(int documents) {
        List<String> ids = held(documents);
        List<HttpResponse<String>> asked = race(ids, id -> () -> changes.amend("sh-acme", id, Samples.remarks(
                current(id), "SIM:HOLD amended in a race"), "06", "race"), id -> () -> release(id));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertThat(asked.get(i).statusCode()).as(asked.get(i).body()).isEqualTo(202);
            assertThat(settledOutcome(id, asked.get(i))).isEqualTo("COMPLETED");
            assertThat(changeState(id, asked.get(i))).isEqualTo("APPROVED");
            assertThat(current(id).get("data").get("remarks").asString()).isEqualTo("SIM:HOLD amended in a race");
            assertThat(federation.centralDb().queryForObject("select current_version from declaration where id = ?",
                    Integer.class, id)).isEqualTo(2);
            assertOneFinalStatus(id, "COMPLETED");
        }
    }

    /** An amendment and a cancellation at once: one is taken, the other refused with 409 CHANGE_OPEN. */
    public void twoRequestsAtOnce(int documents) {
        List<String> ids = held(documents);
        List<HttpResponse<String>> amendments = new ArrayList<>();
        List<HttpResponse<String>> cancellations = new ArrayList<>();
        raceBoth(ids, id -> () -> changes.amend("sh-acme", id, Samples.remarks(current(id), "SIM:HOLD both"), "06",
                "both"), id -> () -> changes.cancel("sh-acme", Samples.ACME_SH, id, "05", "both"), amendments,
                cancellations);
        for (int i = 0; i < ids.size(); i++) {
            List<Integer> codes = List.of(amendments.get(i).statusCode(), cancellations.get(i).statusCode());
            assertThat(codes).as(amendments.get(i).body() + cancellations.get(i).body()).containsOnlyOnce(409)
                    .containsAnyOf(200, 202);
            HttpResponse<String> refused = amendments.get(i).statusCode() == 409 ? amendments.get(i)
                    : cancellations.get(i);
            assertThat(Json.MAPPER.readTree(refused.body()).get("code").asString()).isEqualTo("CHANGE_OPEN");
            assertThat(federation.db(SH).queryForObject("select count(*) from declaration_change where "
                    + "declaration_id = ?", Integer.class, ids.get(i))).isOne();
        }
    }

    private List<String> held(int documents) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            ObjectNode document = Samples.remarks(Samples.declaration(Samples.ACME_SH), "SIM:HOLD race " + i);
            ids.add(declarations.submitted(document, "sh-acme"));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> ids.stream()
                .allMatch(id -> "ACCEPTED".equals(Federation.agencyStatus(view(id), "GACC"))
                        && "VERIFIED".equals(Federation.agencyStatus(view(id), "MOFCOM"))));
        return ids;
    }

    private HttpResponse<String> release(String id) {
        String body = "{\"receiptId\":\"race-" + id + "\",\"declarationId\":\"" + id + "\",\"status\":\"RELEASED\","
                + "\"code\":\"800\",\"message\":\"放行 released in a race\"}";
        HttpResponse<String> response = federation.post(federation.centralUrl() + "/api/v1/agency-receipts",
                federation.token("gacc-sim"), "application/json", body,
                federation.signers().agencySignature("GACC", body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response;
    }

    private List<HttpResponse<String>> race(List<String> ids,
                                            java.util.function.Function<String, Supplier<HttpResponse<String>>> first,
                                            java.util.function.Function<String, Supplier<HttpResponse<String>>> second) {
        List<HttpResponse<String>> firsts = new ArrayList<>();
        raceBoth(ids, first, second, firsts, new ArrayList<>());
        return firsts;
    }

    private void raceBoth(List<String> ids, java.util.function.Function<String, Supplier<HttpResponse<String>>> first,
                          java.util.function.Function<String, Supplier<HttpResponse<String>>> second,
                          List<HttpResponse<String>> firsts, List<HttpResponse<String>> seconds) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (String id : ids) {
                CyclicBarrier barrier = new CyclicBarrier(2);
                CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(
                        () -> atBarrier(barrier, first.apply(id)), threads);
                CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(
                        () -> atBarrier(barrier, second.apply(id)), threads);
                firsts.add(a.join());
                seconds.add(b.join());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static HttpResponse<String> atBarrier(CyclicBarrier barrier, Supplier<HttpResponse<String>> call) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.get();
    }

    /** Waits until the document is final at both nodes (and its change, if any, settled); returns the status. */
    private String settledOutcome(String id, HttpResponse<String> asked) {
        if (asked.statusCode() != 409) {
            changes.awaitSettled(id, Json.MAPPER.readTree(asked.body()).get("id").asString());
        }
        String[] both = new String[2];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            both[0] = view(id).get("status").asString();
            both[1] = federation.centralDb().queryForObject("select status from declaration where id = ?",
                    String.class, id);
            return both[0].equals(both[1]) && both[0].matches("COMPLETED|REJECTED|CANCELLED");
        });
        return both[0];
    }

    private String changeState(String id, HttpResponse<String> asked) {
        return changes.awaitSettled(id, Json.MAPPER.readTree(asked.body()).get("id").asString()).get("state")
                .asString();
    }

    private void assertOneFinalStatus(String id, String status) {
        for (var db : List.of(federation.db(SH), federation.centralDb())) {
            assertThat(db.queryForList("select status from declaration_event where declaration_id = ? and kind = "
                    + "'STATUS' and status in ('COMPLETED', 'REJECTED', 'CANCELLED')", String.class, id))
                    .as("one final status event for %s", id).containsExactly(status);
        }
    }

    private JsonNode view(String id) {
        return federation.declaration(federation.url(SH), federation.token("sh-acme"), id);
    }

    private ObjectNode current(String id) {
        return (ObjectNode) view(id).get("document").deepCopy();
    }
}
