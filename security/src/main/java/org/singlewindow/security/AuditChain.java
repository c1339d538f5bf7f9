package org.singlewindow.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The SM3 hash chain of an audit log. A record's hash covers the previous record's hash and all its own fields,
 * each length-prefixed, so that no two different records hash alike; the head (last sequence number and hash)
 * is kept apart from the records. {@link #verify} then detects a record altered (its hash no longer matches), removed
 * (a gap in the sequence, or a broken link), reordered (links out of order) or cut off at the end (the head is
 * ahead of the last record).
 */
public final class AuditChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The next record after {@code prevSeq}/{@code prevHash}. */
    public static AuditRecord next(long prevSeq, String prevHash, Instant at, String node, String actor, String action,
                                   String subject, String detail) {
        Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
        long seq = prevSeq + 1;
        return new AuditRecord(seq, ms, node, actor, action, subject, detail, prevHash,
                hash(seq, ms, node, actor, action, subject, detail, prevHash));
    }

    static String hash(long seq, Instant at, String node, String actor, String action, String subject, String detail,
                       String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[]{prevHash, Long.toString(seq), at.toString(), node, actor, action, subject,
                detail}) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(5).put((byte) (field == null ? 0 : 1)).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return Sm3.hex(out.toByteArray());
    }

    /** A break in the chain. */
    public record Problem(long seq, String kind, String detail) {
    }

    /**
     * Checks records (in the order stored, by sequence number) against each other and against the head.
     *
     * @return every break found; empty when the log is intact
     */
    public static List<Problem> verify(List<AuditRecord> records, long headSeq, String headHash) {
        Verifier verifier = new Verifier();
        records.forEach(verifier::accept);
        return verifier.finish(headSeq, headHash);
    }

    /**
     * Checks a log record by record, in stored order, holding only the last link: for logs of any length. Given the
     * hashes the node signed at checkpoints ({@link AuditCheckpoint}, signatures checked by the caller), it also finds
     * a chain recomputed after an alteration ({@code CHECKPOINT_MISMATCH}) and records removed under a signed
     * checkpoint ({@code CHECKPOINT_AHEAD}).
     */
    public static final class Verifier {
        private final List<Problem> problems = new ArrayList<>();
        private final java.util.NavigableMap<Long, String> signed = new java.util.TreeMap<>();
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private long count;

        /** The hashes the node signed, by record. */
        public Verifier signed(java.util.Map<Long, String> hashBySeq) {
            signed.putAll(hashBySeq);
            return this;
        }

        public void accept(AuditRecord r) {
            count++;
            String vouched = signed.get(r.seq());
            if (vouched != null && !vouched.equals(r.hash())) {
                problems.add(new Problem(r.seq(), "CHECKPOINT_MISMATCH", "the chain differs from the one the node "
                        + "signed at this record: altered and recomputed"));
            }
            if (r.seq() != expectedSeq) {
                problems.add(new Problem(expectedSeq, r.seq() > expectedSeq ? "REMOVED" : "REORDERED",
                        "expected record " + expectedSeq + ", found " + r.seq()));
            } else if (!r.prevHash().equals(expectedPrev)) {
                problems.add(new Problem(r.seq(), "BROKEN_LINK", "does not follow the record before it"));
            }
            String recomputed = hash(r.seq(), r.at(), r.node(), r.actor(), r.action(), r.subject(), r.detail(),
                    r.prevHash());
            if (!recomputed.equals(r.hash())) {
                problems.add(new Problem(r.seq(), "ALTERED", "content does not match its hash"));
            }
            expectedSeq = r.seq() + 1;
            expectedPrev = r.hash();
        }

        /** How many records were checked. */
        public long count() {
            return count;
        }

        /** Every break found, the head compared with the last record checked. */
        public List<Problem> finish(long headSeq, String headHash) {
            if (!signed.isEmpty() && signed.lastKey() > expectedSeq - 1) {
                problems.add(new Problem(signed.lastKey(), "CHECKPOINT_AHEAD", "the node signed record "
                        + signed.lastKey() + ", the log ends at " + (expectedSeq - 1)));
            }
            if (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrev)) {
                problems.add(new Problem(headSeq, "TRUNCATED", "the head says record " + headSeq
                        + " is last, the log ends at " + (expectedSeq - 1)));
            }
            return List.copyOf(problems);
        }
    }
}
