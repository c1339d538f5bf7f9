package org.singlewindow.federation.changes;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Changes;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * What may not be changed is refused with a problem naming the reason and the field, and nothing is kept: another
 * enterprise's document, a rejected or cancelled document, identity fields, a change while another is open, an
 * unknown reason, a version that changes nothing, a bad signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class ChangeRefusalsTest {

    private Federation federation;
    private StandardDeclarations declarations;
    private Changes changes;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        declarations = new StandardDeclarations(shared);
        changes = new Changes(shared);
    }

    @Test
    void changes_that_may_not_be_made_should_be_refused_with_the_field_named_and_nothing_kept() {
        ObjectNode first = Samples.declaration(Samples.ACME_SH);
        String id = declarations.submitted(first, "sh-acme");
        declarations.awaitFinal(id);
        int before = kept();

        assertProblem(changes.amend("sh-other", id, Samples.remarks(first.deepCopy(), "x"), "06", "mine now"),
                403, "NOT_YOUR_DOCUMENT", null);
        assertProblem(changes.amend("sh-acme", id, (ObjectNode) first.deepCopy().put("clientReference", "OTHER-1"),
                "06", "new reference"), 422, "FIXED_FIELD_CHANGED", "$.document.clientReference");
        assertProblem(changes.amend("sh-acme", id, first.deepCopy(), "06", "same again"), 422, "NOTHING_CHANGED",
                "$.document");
        assertProblem(changes.amend("sh-acme", id, Samples.remarks(first.deepCopy(), "y"), "42", "what code"), 400,
                "VALIDATION_FAILED", "$.reasonCode");
        assertProblem(changes.amend("sh-acme", id, Samples.remarks(first.deepCopy(), "y"), "06", " "), 400,
                "VALIDATION_FAILED", "$.reasonText");
        ObjectNode invalid = first.deepCopy();
        ((ObjectNode) invalid.get("data")).remove("tradeMode");
        assertProblem(changes.amend("sh-acme", id, invalid, "06", "drop it"), 400, "VALIDATION_FAILED",
                "$.document.data.tradeMode");
        assertProblem(federation.post(federation.url(SH) + "/api/v1/declarations/" + id + "/cancellations",
                federation.token("sh-acme"), "application/json", "{\"reasonCode\":\"05\",\"reasonText\":\"off\"}",
                null), 400, "SIGNATURE_MISSING", null);
        assertProblem(changes.cancel("sh-acme", Samples.ACME_SH, id, "05", "too late"), 409, "DOCUMENT_CLOSED", null);
        assertThat(kept()).isEqualTo(before);
    }

    @Test
    void a_rejected_document_should_be_closed_to_amendment_and_cancellation() {
        String id = declarations.submitted(Samples.remarks(Samples.declaration(Samples.ACME_SH), "SIM:REJECT"),
                "sh-acme");
        assertThat(declarations.awaitFinal(id).get("status").asString()).isEqualTo("REJECTED");
        ObjectNode again = (ObjectNode) federation.declaration(federation.url(SH), federation.token("sh-acme"), id)
                .get("document").deepCopy();
        assertProblem(changes.amend("sh-acme", id, Samples.remarks(again, "fixed"), "06", "retry"), 409,
                "DOCUMENT_CLOSED", null);
        assertProblem(changes.cancel("sh-acme", Samples.ACME_SH, id, "05", "drop"), 409, "DOCUMENT_CLOSED", null);
    }

    @Test
    void a_second_change_while_one_is_open_should_be_refused_and_a_repeat_should_return_the_first() {
        federation.stopMinistry("GACC");
        try {
            ObjectNode first = Samples.remarks(Samples.declaration(Samples.ACME_SH), "SIM:HOLD");
            String id = declarations.submitted(first, "sh-acme");
            await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSING".equals(federation.declaration(
                    federation.url(SH), federation.token("sh-acme"), id).get("status").asString()));
            ObjectNode second = Samples.remarks(first.deepCopy(), "SIM:HOLD v2");
            HttpResponse<String> open = changes.amend("sh-acme", id, second, "06", "fix");
            assertThat(open.statusCode()).as(open.body()).isEqualTo(202);
            HttpResponse<String> repeat = changes.amend("sh-acme", id, second, "06", "fix");
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(repeat.body()).get("id")).isEqualTo(Json.MAPPER.readTree(open.body())
                    .get("id"));
            assertProblem(changes.cancel("sh-acme", Samples.ACME_SH, id, "05", "never mind"), 409, "CHANGE_OPEN",
                    null);
        } finally {
            federation.startMinistry("GACC");
        }
    }

    private int kept() {
        return federation.db(SH).queryForObject("select count(*) from declaration_change", Integer.class);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(problem.get("detailZh").asString()).isNotBlank();
        if (path != null) {
            assertThat(problem.get("errors").findValuesAsString("path")).as(response.body()).contains(path);
        }
    }
}
