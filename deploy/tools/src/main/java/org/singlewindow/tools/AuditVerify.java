package org.singlewindow.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditCheckpoint;
import org.singlewindow.security.AuditRecord;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;

/**
 * Checks a node's audit log in its database: {@code AuditVerify <jdbc-url> [user] [password] [--root <ca.pem>]}.
 * Prints every record altered, removed or reordered, a log cut off at the end, and, against the checkpoints the node
 * signed, a chain recomputed after an alteration ({@code CHECKPOINT_MISMATCH}) or cut below a checkpoint
 * ({@code CHECKPOINT_AHEAD}); with {@code --root} (the federation's CA certificate) each checkpoint's signature is
 * checked first ({@code CHECKPOINT_FORGED}), without it the checkpoints are taken as stored (and the output says so).
 * Exit code 0 when intact, 1 when not, 2 when the log cannot be read. For an H2 node database, stop the node first
 * (H2 files are single-process).
 */
public final class AuditVerify {

    private AuditVerify() {
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        X509Certificate root = null;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--root")) {
                    root = Pem.certificate(Files.readString(Path.of(args[++i])));
                } else {
                    positional.add(args[i]);
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            positional.clear();
        }
        if (positional.isEmpty()) {
            System.err.println("usage: AuditVerify <jdbc-url> [user] [password] [--root <ca.pem>]");
            System.exit(2);
        }
        System.exit(run(positional.get(0), positional.size() > 1 ? positional.get(1) : "",
                positional.size() > 2 ? positional.get(2) : "", root, System.out));
    }

    static int run(String url, String user, String password, PrintStream out) {
        return run(url, user, password, null, out);
    }

    static int run(String url, String user, String password, X509Certificate root, PrintStream out) {
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
            List<AuditChain.Problem> problems = new ArrayList<>();
            Map<Long, String> vouched = checkpoints(c, node(c), root, problems, out);
            AuditChain.Verifier verifier = new AuditChain.Verifier().signed(vouched);
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
            problems.addAll(0, verifier.finish(headSeq, headHash));
            for (AuditChain.Problem p : problems) {
                out.println(p.kind() + " at record " + p.seq() + ": " + p.detail());
            }
            out.println((problems.isEmpty() ? "INTACT" : "BROKEN") + ": " + verifier.count() + " record(s), head at "
                    + headSeq + ", " + vouched.size() + " signed checkpoint(s)"
                    + (problems.isEmpty() ? "" : ", " + problems.size() + " problem(s)"));
            return problems.isEmpty() ? 0 : 1;
        } catch (SQLException e) {
            out.println("cannot read the audit log: " + e.getMessage());
            return 2;
        }
    }

    /** The node that wrote the log (its first record's), or null for an empty log. */
    private static String node(Connection c) throws SQLException {
        try (PreparedStatement first = c.prepareStatement("select node from audit_record order by seq limit 1");
             ResultSet rs = first.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The hashes vouched for by checkpoints: every one without {@code root}, the well-signed ones with it. */
    private static Map<Long, String> checkpoints(Connection c, String node, X509Certificate root,
                                                List<AuditChain.Problem> problems, PrintStream out)
            throws SQLException {
        Map<Long, String> vouched = new HashMap<>();
        boolean any = false;
        try (PreparedStatement all = c.prepareStatement("select seq, hash, signed_at, signature from audit_checkpoint "
                + "order by seq"); ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                any = true;
                AuditCheckpoint checkpoint = new AuditCheckpoint(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(4));
                if (root != null) {
                    try {
                        checkpoint.verify(node, root, null);
                    } catch (CmsSignatures.Refused e) {
                        problems.add(new AuditChain.Problem(checkpoint.seq(), "CHECKPOINT_FORGED",
                                "the checkpoint's signature is refused: " + e.getMessage()));
                        continue;
                    }
                }
                vouched.put(checkpoint.seq(), checkpoint.hash());
            }
        } catch (SQLException noTable) {
            out.println("no checkpoint table (a log written before signed checkpoints)");
            return vouched;
        }
        if (any && root == null) {
            out.println("checkpoint signatures not checked: give --root <the federation's CA certificate>");
        }
        return vouched;
    }
}
