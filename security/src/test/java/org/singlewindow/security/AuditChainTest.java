package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditRecord> chain(int n) {
        List<AuditRecord> out = new ArrayList<>();
        long seq = 0;
        String prev = AuditChain.GENESIS;
        for (int i = 0; i < n; i++) {
            AuditRecord r = AuditChain.next(seq, prev, Instant.parse("2026-11-27T08:00:00.123456Z").plusSeconds(i),
                    "310000", "sh-acme", "SUBMITTED", "decl-" + i, "GOODS_DECLARATION");
            out.add(r);
            seq = r.seq();
            prev = r.hash();
        }
        return out;
    }

    private static List<String> kinds(List<AuditRecord> records, long headSeq, String headHash) {
        return AuditChain.verify(records, headSeq, headHash).stream().map(p -> p.kind() + "@" + p.seq()).toList();
    }

    @Test
    void an_intact_log_should_verify() {
        List<AuditRecord> log = chain(5);
        assertThat(AuditChain.verify(log, 5, log.get(4).hash())).isEmpty();
        assertThat(AuditChain.verify(List.of(), 0, AuditChain.GENESIS)).isEmpty();
        assertThat(log.get(0).hash()).hasSize(64).isEqualTo(Sm3Test.sm3OfChainFields(log.get(0)));
    }

    @Test
    void an_altered_record_should_be_found() {
        List<AuditRecord> log = new ArrayList<>(chain(5));
        AuditRecord r = log.get(2);
        log.set(2, new AuditRecord(r.seq(), r.at(), r.node(), "sh-other", r.action(), r.subject(), r.detail(),
                r.prevHash(), r.hash()));
        assertThat(kinds(log, 5, log.get(4).hash())).containsExactly("ALTERED@3");
    }

    @Test
    void a_removed_record_should_be_found() {
        List<AuditRecord> log = new ArrayList<>(chain(5));
        log.remove(2);
        assertThat(kinds(log, 5, log.get(3).hash())).containsExactly("REMOVED@3");
    }

    @Test
    void reordered_records_should_be_found() {
        List<AuditRecord> log = new ArrayList<>(chain(5));
        AuditRecord a = log.get(1);
        AuditRecord b = log.get(2);
        // swap contents but keep the sequence numbers, recomputing nothing: links break
        log.set(1, new AuditRecord(2, b.at(), b.node(), b.actor(), b.action(), b.subject(), b.detail(), b.prevHash(), b.hash()));
        log.set(2, new AuditRecord(3, a.at(), a.node(), a.actor(), a.action(), a.subject(), a.detail(), a.prevHash(), a.hash()));
        assertThat(kinds(log, 5, log.get(4).hash())).contains("BROKEN_LINK@2", "ALTERED@2");
    }

    @Test
    void a_log_cut_at_the_end_should_be_found() {
        List<AuditRecord> log = chain(5);
        assertThat(kinds(log.subList(0, 4), 5, log.get(4).hash())).containsExactly("TRUNCATED@5");
    }
}
