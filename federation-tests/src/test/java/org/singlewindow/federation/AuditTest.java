package org.singlewindow.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.Federation.SH;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Every node keeps an SM3 hash-chained audit log of submissions, receipts and logins that its operators verify. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class AuditTest {

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    @Test
    void a_submission_its_receipts_and_the_logins_should_be_in_the_audit_logs_and_the_chains_intact() {
        String id = new StandardDocumentsTest().withFederation(federation).submittedAndFinal("licence-application");
        List<String> province = actions(federation.db(SH), id);
        assertThat(province).contains("sh-acme SUBMITTED", "agency:MOFCOM RECEIPT");
        assertThat(actions(federation.centralDb(), id)).contains("node:" + SH + " RECEIVED", "agency:MOFCOM RECEIPT");
        assertThat(federation.centralDb().queryForObject(
                "select count(*) from audit_record where action = 'LOGIN' and actor = 'sh-acme'", Integer.class)).isPositive();
        assertThat(federation.db(SH).queryForObject("select count(*) from audit_record where detail like '%便携%' "
                + "or detail like '%91310115MA1H7G0X0M%'", Integer.class)).as("no personal data or documents").isZero();
        assertThat(verify(federation.url(SH), "ops-310000").get("problems")).isEmpty();
        assertThat(verify(federation.centralUrl(), "ops-central").get("problems")).isEmpty();
    }

    @Test
    void an_altered_record_should_be_found_by_the_operators_check() {
        new StandardDocumentsTest().withFederation(federation).submittedAndFinal("enterprise-qualification");
        JdbcTemplate db = federation.db(SH);
        long seq = db.queryForObject("select min(seq) from audit_record where action = 'SUBMITTED'", Long.class);
        String actor = db.queryForObject("select actor from audit_record where seq = ?", String.class, seq);
        db.update("update audit_record set actor = 'sh-other' where seq = ?", seq);
        try {
            JsonNode broken = verify(federation.url(SH), "ops-310000");
            assertThat(broken.get("problems").toString()).contains("\"seq\":" + seq, "ALTERED");
        } finally {
            db.update("update audit_record set actor = ? where seq = ?", actor, seq);
        }
        assertThat(verify(federation.url(SH), "ops-310000").get("problems")).isEmpty();
    }

    @Test
    void only_the_nodes_operators_should_check_its_audit_log() {
        assertThat(federation.get(federation.url(SH) + "/api/v1/audit/verify", federation.token("ops-440000"))
                .statusCode()).isEqualTo(403);
        assertThat(federation.get(federation.url(SH) + "/api/v1/audit/verify", federation.token("sh-acme"))
                .statusCode()).isEqualTo(403);
    }

    private JsonNode verify(String node, String operator) {
        var response = federation.get(node + "/api/v1/audit/verify", federation.token(operator));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static List<String> actions(JdbcTemplate db, String declarationId) {
        return new ArrayList<>(db.queryForList("select concat(actor, ' ', action) from audit_record where subject = ? "
                + "order by seq", String.class, declarationId));
    }
}
