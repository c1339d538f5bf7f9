package org.singlewindow.node.change;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.singlewindow.contracts.change.ChangeKind;
import org.singlewindow.contracts.change.ChangeState;
import org.singlewindow.contracts.change.Decision;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.status.StatusService;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Opens, moves and settles change requests in the caller's transaction, with the declaration locked
 * ({@link StatusService#lock}). One change is open on a declaration at a time; a change's state only moves forward
 * and its first final state stays; an approved amendment makes its version current (the declaration row carries it
 * from then on, versions before stay as they were), an approved cancellation moves the document to CANCELLED. Every
 * step is on the timeline and in the audit log.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ChangeStore {

    private static final int DETAIL_MAX = 500;

    private final ChangeMapper changes;
    private final StatusService status;
    private final AuditLog audit;
    private final DocumentSignatures signatures;
    private final EnvelopeCodec codec;
    private final Clock clock;

    public ChangeStore(ChangeMapper changes, StatusService status, AuditLog audit, DocumentSignatures signatures,
                       EnvelopeCodec codec, Clock clock) {
        this.changes = changes;
        this.status = status;
        this.audit = audit;
        this.signatures = signatures;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * What the declarant signed: an amendment's whole new version, or for a cancellation nothing more than the
     * request ({@code document} null); with the signature and who signed.
     */
    public record Signed(JsonNode document, String signature, String signer) {
    }

    /** The declaration's change columns, with the row locked until the transaction ends. */
    public DeclarationChangeState lock(String declarationId) {
        status.lock(declarationId);
        return changes.stateOf(declarationId);
    }

    /**
     * Opens a change on a locked declaration: keeps version 1 if this is the first amendment, then the new version,
     * the request (a cancellation with its signature), the open mark, a REQUESTED timeline step and an audit record.
     *
     * @throws Refusal 409 {@code CHANGE_OPEN} when another change is open
     */
    public void open(DeclarationRow row, ChangeRow change, Signed signed) {
        if (changes.setOpenChange(row.id(), change.id()) == 0) {
            throw changeOpen(changes.stateOf(row.id()).openChange());
        }
        Instant now = clock.instant();
        if (signed != null && signed.document() != null) {
            if (changes.findVersion(row.id(), 1) == null) {
                changes.insertVersion(new VersionRow(row.id(), 1, row.contentHash(),
                        VersionRow.seal(row.id(), 1, row.document()), signatures.signatureOf(row.id()),
                        row.submittedBy() != null ? row.submittedBy() : row.declarantUscc(), null, row.createdAt()));
            }
            changes.insertVersion(new VersionRow(row.id(), change.version(), CanonicalJson.sha256(signed.document()),
                    VersionRow.seal(row.id(), change.version(), codec.write(signed.document())),
                    signed.signature(), signed.signer(), change.id(), now));
        }
        changes.insertChange(change);
        if (signed != null && signed.document() == null && signed.signature() != null) {
            changes.keepSignature(change.id(), signed.signature());
        }
        step(change, ChangeState.valueOf(change.state()), null, describe(change));
        audit.record(change.requestedBy(), change.kind() + "_REQUESTED", row.id(), describe(change));
    }

    /** REQUESTED → OPEN: the agencies were asked; each gets a PENDING answer. */
    public void asked(ChangeRow change, List<String> agencies) {
        if (changes.markOpen(change.id()) == 0) {
            return;
        }
        Instant now = clock.instant();
        for (String agency : agencies) {
            changes.insertAnswer(new AnswerRow(change.id(), agency, Decision.PENDING.name(), null, null, null));
        }
        step(change, ChangeState.OPEN, null, "asked " + String.join(", ", agencies) + " (已发送至 "
                + String.join("、", agencies) + ")");
    }

    /**
     * Records one agency's answer once.
     *
     * @return false when that agency answered before (or was not asked)
     */
    public boolean answered(ChangeRow change, String agency, Decision decision, String code, String message) {
        if (changes.answer(change.id(), agency, decision.name(), code, cap(message), clock.instant()) == 0) {
            return false;
        }
        step(change, decision == Decision.APPROVED ? ChangeState.APPROVED : ChangeState.REFUSED, agency,
                (code == null ? "" : code + " ") + (message == null ? "" : message));
        audit.record("agency:" + agency, change.kind() + "_" + decision, change.declarationId(), code);
        return true;
    }

    /**
     * Settles a change: its final state, the open mark cleared, and on approval its effect (the new version
     * current, or CANCELLED).
     *
     * @return false when it was final already (nothing changes)
     */
    public boolean settle(ChangeRow change, ChangeState state, String detail) {
        Instant now = clock.instant();
        if (changes.moveChange(change.id(), state.name(), cap(detail), now) == 0) {
            return false;
        }
        changes.clearOpenChange(change.declarationId(), change.id());
        if (state == ChangeState.APPROVED && ChangeKind.valueOf(change.kind()) == ChangeKind.AMENDMENT) {
            VersionRow version = changes.findVersion(change.declarationId(), change.version());
            changes.makeCurrent(change.declarationId(), change.version(),
                    DeclarationRow.seal(change.declarationId(), version.document()), now);
        }
        step(change, state, null, detail);
        if (state == ChangeState.APPROVED && ChangeKind.valueOf(change.kind()) == ChangeKind.CANCELLATION) {
            status.status(change.declarationId(), OverallStatus.CANCELLED, detail);
        }
        audit.record("node", change.kind() + "_" + state, change.declarationId(), cap(detail));
        return true;
    }

    /**
     * Records a change that is refused before anyone is asked (the document closed to it, or another change open
     * at this node), without opening it.
     */
    public void refuseAtOnce(ChangeRow change, String detail) {
        changes.insertChange(new ChangeRow(change.id(), change.declarationId(), change.kind(), change.version(),
                change.reasonCode(), change.reasonText(), ChangeState.REFUSED.name(), cap(detail),
                change.requestHash(), change.requestedBy(), change.requestedAt(), clock.instant()));
        step(change, ChangeState.REFUSED, null, detail);
        audit.record(change.requestedBy(), change.kind() + "_REFUSED", change.declarationId(), cap(detail));
    }

    /** The repeat of an earlier request (same canonical request), if there was one. */
    public ChangeRow findByHash(String declarationId, String requestHash) {
        return changes.findByHash(declarationId, requestHash);
    }

    /**
     * The number an amendment asked now gets: one more than any version asked before (a refused amendment keeps its
     * number) and than the current one.
     */
    public int nextVersion(String declarationId, DeclarationChangeState state) {
        int highest = changes.changesOf(declarationId).stream().mapToInt(ChangeRow::version).max().orElse(0);
        return Math.max(highest, state.currentVersion()) + 1;
    }

    /** A change by id, for the declaration it belongs to; null when there is none. */
    public ChangeRow find(String changeId) {
        return changes.findChange(changeId);
    }

    public List<AnswerRow> answers(String changeId) {
        return changes.answersOf(changeId);
    }

    /** The signature that goes with the current version's whole document (version 1's unless amended). */
    public String currentSignature(String declarationId) {
        DeclarationChangeState state = changes.stateOf(declarationId);
        if (state == null || state.currentVersion() <= 1) {
            return signatures.signatureOf(declarationId);
        }
        return changes.findVersion(declarationId, state.currentVersion()).signature();
    }

    private void step(ChangeRow change, ChangeState state, String agency, String detail) {
        String key = "change:" + change.id() + ":" + state + (agency == null ? "" : ":" + agency);
        status.change(change.declarationId(), change.kind(), state.name(), agency, cap(detail), key);
    }

    static String describe(ChangeRow change) {
        return (change.version() > 0 ? "version " + change.version() + ": " : "") + change.reasonCode() + " "
                + change.reasonText();
    }

    static Refusal changeOpen(String open) {
        return new Refusal(Refusal.Kind.CONFLICT, "CHANGE_OPEN", "Another change is open", "已有未完成的修改或撤销申请",
                "change " + open + " is still open on this document; wait for its outcome",
                "该单证仍有未完成的申请 " + open + "，请等待其结果");
    }

    private static String cap(String text) {
        return text == null || text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX - 1) + "…";
    }
}
