package org.singlewindow.node.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.signature.FederationTrust;
import org.singlewindow.security.AuditChain;
import org.singlewindow.security.AuditCheckpoint;
import org.singlewindow.security.AuditRecord;
import org.singlewindow.security.CmsSignatures;
import org.springframework.stereotype.Service;

/** Checks the node's audit log: the chain, its head, and the checkpoints the node signed. */
@Service
public class AuditVerification {

    /** Records read per page. */
    static final int PAGE = 1000;

    private final AuditMapper mapper;
    private final NodeProperties node;
    private final FederationTrust trust;
    private final AuditProperties settings;
    private final Clock clock;

    public AuditVerification(AuditMapper mapper, NodeProperties node, FederationTrust trust, AuditProperties settings,
                             Clock clock) {
        this.mapper = mapper;
        this.node = node;
        this.trust = trust;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Reads the log page by page and checks the chain and the head, holding one page at a time, and the signed
     * checkpoints: each signature (by this node's key, {@code CHECKPOINT_FORGED} otherwise), the chain against each
     * ({@code CHECKPOINT_MISMATCH}: recomputed after an alteration), and records older than three checkpoint intervals
     * that no checkpoint covers ({@code UNCHECKPOINTED}: checkpoints removed, or checkpointing stopped).
     */
    public Verification verify() {
        AuditHead head = mapper.head();
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        List<AuditChain.Problem> signatureProblems = new ArrayList<>();
        Map<Long, String> vouched = new HashMap<>();
        List<AuditCheckpoint> checkpoints = mapper.checkpoints();
        java.security.cert.X509CRL crl = checkpoints.isEmpty() ? null : trust.crl();
        for (AuditCheckpoint checkpoint : checkpoints) {
            try {
                checkpoint.verify(node.code(), trust.root(), crl);
                vouched.put(checkpoint.seq(), checkpoint.hash());
            } catch (CmsSignatures.Refused e) {
                signatureProblems.add(new AuditChain.Problem(checkpoint.seq(), "CHECKPOINT_FORGED",
                        "the checkpoint's signature is refused: " + e.getMessage()));
            }
        }
        verifier.signed(vouched);
        for (List<AuditRecord> page = mapper.page(0, PAGE); !page.isEmpty();
             page = mapper.page(page.get(page.size() - 1).seq(), PAGE)) {
            page.forEach(verifier::accept);
        }
        List<AuditChain.Problem> problems = new ArrayList<>(verifier.finish(head.seq(), head.hash()));
        problems.addAll(signatureProblems);
        long covered = vouched.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        Instant firstUncovered = mapper.firstRecordedAfter(covered);
        if (firstUncovered != null
                && firstUncovered.isBefore(clock.instant().minus(settings.checkpointInterval().multipliedBy(3)))) {
            problems.add(new AuditChain.Problem(covered + 1, "UNCHECKPOINTED", "records from " + (covered + 1)
                    + " on, written at " + firstUncovered + ", are covered by no signed checkpoint"));
        }
        return new Verification(node.code(), (int) verifier.count(), head.seq(), covered, problems);
    }

    /**
     * The outcome of a check.
     *
     * @param checkpointed the last record a valid signed checkpoint covers
     */
    public record Verification(String node, int records, long headSeq, long checkpointed,
                               List<AuditChain.Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }
}
