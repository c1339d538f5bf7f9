package org.singlewindow.federation.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

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
        String id = new StandardDeclarations(federation).submittedAndFinal("licence-application");
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
        new StandardDeclarations(federation).submittedAndFinal("enterprise-qualification");
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
    void a_record_altered_and_the_chain_recomputed_should_be_found_at_the_next_signed_checkpoint() {
        new StandardDeclarations(federation).submittedAndFinal("enterprise-qualification");
        JdbcTemplate db = federation.db(SH);
        long seq = db.queryForObject("select max(seq) from audit_record where action = 'SUBMITTED'", Long.class);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                verify(federation.url(SH), "ops-310000").get("checkpointed").asLong() > seq);
        String actor = db.queryForObject("select actor from audit_record where seq = ?", String.class, seq);
        // the node goes on appending meanwhile, but signs no checkpoint over the forgery: what this test undoes after
        var checkpoints = federation.context(SH).getBean(org.singlewindow.node.audit.AuditCheckpoints.class);
        checkpoints.stop();
        rewrite(seq, "sh-other");
        try {
            JsonNode broken = verify(federation.url(SH), "ops-310000");
            assertThat(broken.get("problems").toString()).as("the hash chain itself is consistent again")
                    .doesNotContain("ALTERED", "BROKEN_LINK").contains("CHECKPOINT_MISMATCH");
        } finally {
            rewrite(seq, actor);
            checkpoints.start();
        }
        assertThat(verify(federation.url(SH), "ops-310000").get("problems")).isEmpty();
    }

    /**
     * What someone with write access to the database but not the node's key can do: change a record's actor and
     * recompute every hash after it, and the head, holding the head's lock so the node appends nothing meanwhile.
     */
    private void rewrite(long seq, String actor) {
        JdbcTemplate db = federation.db(SH);
        federation.context(SH).getBean(org.springframework.transaction.support.TransactionTemplate.class)
                .executeWithoutResult(s -> {
                    db.queryForMap("select seq from audit_head where id = 1 for update");
                    List<AuditRecord> records = db.query("select seq, recorded_at, node, actor, action, subject, "
                            + "detail, prev_hash, hash from audit_record where seq >= ? order by seq", (rs, i) ->
                            new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime()
                                    .toInstant(java.time.ZoneOffset.UTC), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                            seq);
                    String prev = records.get(0).prevHash();
                    for (AuditRecord r : records) {
                        AuditRecord again = AuditChain.next(r.seq() - 1, prev, r.at(), r.node(),
                                r.seq() == seq ? actor : r.actor(), r.action(), r.subject(), r.detail());
                        db.update("update audit_record set actor = ?, prev_hash = ?, hash = ? where seq = ?",
                                again.actor(), again.prevHash(), again.hash(), again.seq());
                        prev = again.hash();
                    }
                    db.update("update audit_head set hash = ? where id = 1", prev);
                });
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
