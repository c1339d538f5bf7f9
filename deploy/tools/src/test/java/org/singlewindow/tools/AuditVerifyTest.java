package org.singlewindow.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditCheckpoint;
import org.singlewindow.security.AuditRecord;
import org.singlewindow.security.Pem;

/** The verify command against a database laid out by the node's own migration. */
class AuditVerifyTest {

    /** When the checkpoints here are signed; the test PKI is made at the same instant. */
    private static final Instant SIGNED_AT = Instant.parse("2026-11-27T08:01:00Z");
    private static final String URL = "jdbc:h2:mem:audit-verify;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void log() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "", ""); Statement s = c.createStatement()) {
            s.execute("drop all objects");
            for (String migration : List.of("V2__audit_log.sql", "V9__audit_checkpoints.sql")) {
                for (String sql : Files.readString(Path.of("..", "..", "node-core", "src", "main", "resources", "db",
                        "migration", migration)).replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            long seq = 0;
            String prev = AuditChain.GENESIS;
            for (int i = 0; i < 5; i++) {
                AuditRecord r = AuditChain.next(seq, prev, Instant.parse("2026-11-27T08:00:00.250Z").plusSeconds(i),
                        "310000", "sh-acme", "SUBMITTED", "d-" + i, "GOODS_DECLARATION");
                try (PreparedStatement insert = c.prepareStatement("insert into audit_record values (?,?,?,?,?,?,?,?,?)")) {
                    insert.setLong(1, r.seq());
                    insert.setObject(2, r.at().atOffset(ZoneOffset.UTC).toLocalDateTime());
                    insert.setString(3, r.node());
                    insert.setString(4, r.actor());
                    insert.setString(5, r.action());
                    insert.setString(6, r.subject());
                    insert.setString(7, r.detail());
                    insert.setString(8, r.prevHash());
                    insert.setString(9, r.hash());
                    insert.executeUpdate();
                }
                seq = r.seq();
                prev = r.hash();
            }
            s.executeUpdate("update audit_head set seq = " + seq + ", hash = '" + prev + "' where id = 1");
        }
    }

    @Test
    void an_intact_log_should_exit_0() {
        assertThat(run()).isZero();
        assertThat(output()).contains("INTACT: 5 record(s), head at 5");
    }

    @Test
    void a_chain_recomputed_after_an_alteration_should_be_caught_by_the_checkpoint_the_node_signed(@TempDir Path pki)
            throws Exception {
        Pki.init(pki, "audit-verify-test", SIGNED_AT);
        X509Certificate root = Pem.certificate(Files.readString(pki.resolve("ca.pem")));
        String headHash = head();
        checkpoint(AuditCheckpoint.sign("310000", 5, headHash, SIGNED_AT,
                Pem.privateKey(Files.readString(pki.resolve("nodes/310000-key.pem"))),
                Pem.certificate(Files.readString(pki.resolve("nodes/310000.pem")))));
        assertThat(AuditVerify.run(URL, "", "", root, new PrintStream(output, true, StandardCharsets.UTF_8))).isZero();
        assertThat(output()).contains("INTACT: 5 record(s), head at 5, 1 signed checkpoint(s)");

        recompute(2, "sh-other");
        output.reset();
        assertThat(AuditVerify.run(URL, "", "", root, new PrintStream(output, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(output()).contains("CHECKPOINT_MISMATCH at record 5").doesNotContain("ALTERED");
    }

    @Test
    void a_checkpoint_signed_by_another_key_should_be_refused_as_forged(@TempDir Path pki) throws Exception {
        Pki.init(pki, "audit-verify-test", SIGNED_AT);
        checkpoint(AuditCheckpoint.sign("310000", 5, head(), SIGNED_AT,
                Pem.privateKey(Files.readString(pki.resolve("nodes/440000-key.pem"))),
                Pem.certificate(Files.readString(pki.resolve("nodes/440000.pem")))));
        assertThat(AuditVerify.run(URL, "", "", Pem.certificate(Files.readString(pki.resolve("ca.pem"))),
                new PrintStream(output, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(output()).contains("CHECKPOINT_FORGED at record 5");
    }

    private String head() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "", ""); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select hash from audit_head where id = 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void checkpoint(AuditCheckpoint checkpoint) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "", "");
             PreparedStatement insert = c.prepareStatement("insert into audit_checkpoint values (?,?,?,?)")) {
            insert.setLong(1, checkpoint.seq());
            insert.setString(2, checkpoint.hash());
            insert.setObject(3, checkpoint.signedAt().atOffset(ZoneOffset.UTC).toLocalDateTime());
            insert.setString(4, checkpoint.signature());
            insert.executeUpdate();
        }
    }

    /** Alters record {@code seq}'s actor and recomputes every hash from it on, and the head. */
    private void recompute(long seq, String actor) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "", ""); Statement s = c.createStatement()) {
            java.util.List<AuditRecord> records = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("select seq, recorded_at, node, actor, action, subject, detail, "
                    + "prev_hash, hash from audit_record where seq >= " + seq + " order by seq")) {
                while (rs.next()) {
                    records.add(new AuditRecord(rs.getLong(1), rs.getObject(2, java.time.LocalDateTime.class)
                            .toInstant(ZoneOffset.UTC), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            String prev = records.get(0).prevHash();
            for (AuditRecord r : records) {
                AuditRecord again = AuditChain.next(r.seq() - 1, prev, r.at(), r.node(), r.seq() == seq ? actor
                        : r.actor(), r.action(), r.subject(), r.detail());
                s.executeUpdate("update audit_record set actor = '" + again.actor() + "', prev_hash = '"
                        + again.prevHash() + "', hash = '" + again.hash() + "' where seq = " + again.seq());
                prev = again.hash();
            }
            s.executeUpdate("update audit_head set hash = '" + prev + "' where id = 1");
        }
    }

    @Test
    void an_altered_record_should_exit_1_naming_it() throws SQLException {
        sql("update audit_record set actor = 'sh-other' where seq = 2");
        assertThat(run()).isEqualTo(1);
        assertThat(output()).contains("ALTERED at record 2", "BROKEN");
    }

    @Test
    void a_removed_record_should_exit_1_naming_it() throws SQLException {
        sql("delete from audit_record where seq = 3");
        assertThat(run()).isEqualTo(1);
        assertThat(output()).contains("REMOVED at record 3");
    }

    @Test
    void reordered_records_should_exit_1() throws SQLException {
        sql("update audit_record set seq = 99 where seq = 2");
        sql("update audit_record set seq = 2 where seq = 4");
        sql("update audit_record set seq = 4 where seq = 99");
        assertThat(run()).isEqualTo(1);
        assertThat(output()).contains("BROKEN");
    }

    @Test
    void the_last_records_cut_off_should_exit_1() throws SQLException {
        sql("delete from audit_record where seq = 5");
        assertThat(run()).isEqualTo(1);
        assertThat(output()).contains("TRUNCATED");
    }

    private int run() {
        return AuditVerify.run(URL, "", "", new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "", ""); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
