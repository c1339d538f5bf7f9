package org.singlewindow.tools;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditRecord;

/**
 * Checks a node's audit log in its database: {@code AuditVerify <jdbc-url> [user] [password]}. Prints every
 * record altered, removed or reordered and a log cut off at the end; exit code 0 when intact, 1 when not, 2 when
 * the log cannot be read. For an H2 node database, stop the node first (H2 files are single-process).
 */
public final class AuditVerify {

    private AuditVerify() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: AuditVerify <jdbc-url> [user] [password]");
            System.exit(2);
        }
        System.exit(run(args[0], args.length > 1 ? args[1] : "", args.length > 2 ? args[2] : "", System.out));
    }

    static int run(String url, String user, String password, PrintStream out) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long headSeq;
            String headHash;
            try (PreparedStatement head = c.prepareStatement("select seq, hash from audit_head where id = 1");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    out.println("no audit head: is this a single-window node database?");
                    return 2;
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            try (PreparedStatement all = c.prepareStatement("select seq, recorded_at, node, actor, action, subject, "
                    + "detail, prev_hash, hash from audit_record order by seq");
                 ResultSet rs = all.executeQuery()) {
                while (rs.next()) {
                    verifier.accept(new AuditRecord(rs.getLong(1),
                            rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
            List<AuditChain.Problem> problems = verifier.finish(headSeq, headHash);
            for (AuditChain.Problem p : problems) {
                out.println(p.kind() + " at record " + p.seq() + ": " + p.detail());
            }
            out.println((problems.isEmpty() ? "INTACT" : "BROKEN") + ": " + verifier.count() + " record(s), head at "
                    + headSeq + (problems.isEmpty() ? "" : ", " + problems.size() + " problem(s)"));
            return problems.isEmpty() ? 0 : 1;
        } catch (SQLException e) {
            out.println("cannot read the audit log: " + e.getMessage());
            return 2;
        }
    }
}
