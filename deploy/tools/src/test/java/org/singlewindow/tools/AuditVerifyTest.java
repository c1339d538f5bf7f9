package org.singlewindow.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditRecord;

/** The verify command against a database laid out by the node's own migration. */
class AuditVerifyTest {

    private static final String URL = "jdbc:h2:mem:audit-verify;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void log() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "", ""); Statement s = c.createStatement()) {
            s.execute("drop all objects");
            for (String sql : Files.readString(Path.of("..", "..", "node-core", "src", "main", "resources", "db",
                    "migration", "V2__audit_log.sql")).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
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
