package org.singlewindow.provincial.change;

import java.time.Clock;
import java.util.UUID;

import org.singlewindow.contracts.change.ChangeKind;
import org.singlewindow.contracts.change.ChangeRules;
import org.singlewindow.contracts.change.ChangeState;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.ChangeRequest;
import org.singlewindow.node.attachment.Attachments;
import org.singlewindow.node.change.ChangeRow;
import org.singlewindow.node.change.ChangeStore;
import org.singlewindow.node.change.DeclarationChangeState;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.provincial.submission.SubmissionController;
import org.singlewindow.routing.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Opens a checked change request in one transaction, the declaration locked: the same request again returns the
 * change it made; a document closed to the change (its type's rules, {@link ChangeRules}) or with another change
 * open is refused (409); otherwise the change is kept and sent to central, signed, behind everything sent before
 * for that document. A cancellation of a document this node has not yet handed to the link up to central takes
 * effect here and now: CANCELLED, and the document never leaves ({@link
 * org.singlewindow.provincial.uplink.UplinkGate}).
 */
@Service
public class ChangeIntake {

    private static final Logger log = LoggerFactory.getLogger(ChangeIntake.class);

    private final ChangeStore store;
    private final DeclarationMapper declarations;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Attachments attachments;

    public ChangeIntake(ChangeStore store, DeclarationMapper declarations, Outbox outbox, TransactionTemplate tx,
                        Clock clock, Attachments attachments) {
        this.attachments = attachments;
        this.store = store;
        this.declarations = declarations;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A checked request.
     *
     * @param actor       the client that asked
     * @param signer      the enterprise whose key signed ({@code signedBy} the broker when not the declarant)
     * @param requestHash SHA-256 of the canonical request, the key for repeats
     */
    public record Asked(String actor, String signer, ChangeKind kind, String reasonCode, String reasonText,
                        JsonNode document, String signature, String requestHash) {
    }

    /** What became of it: the change, and whether this request created it. */
    public record Taken(ChangeRow change, boolean created) {
    }

    public Taken take(DeclarationRow row, Asked asked) {
        return tx.execute(s -> open(row, asked));
    }

    private Taken open(DeclarationRow declaration, Asked asked) {
        String id = declaration.id();
        DeclarationChangeState state = store.lock(id);
        ChangeRow repeated = store.findByHash(id, asked.requestHash());
        if (repeated != null) {
            return new Taken(repeated, false);
        }
        DeclarationRow row = declarations.findById(id);
        OverallStatus status = OverallStatus.valueOf(row.status());
        DocumentType type = DocumentType.valueOf(row.documentType());
        if (ChangeRules.standard().of(type).closed(asked.kind(), status)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "DOCUMENT_CLOSED", "Document closed to this change",
                    "单证当前状态不允许此申请", "a " + type + " that is " + status + " cannot take a "
                    + asked.kind().name().toLowerCase() + " (change-rules.yaml)",
                    "状态为 " + status + " 的单证不能办理" + (asked.kind() == ChangeKind.AMENDMENT ? "修改" : "撤销"));
        }
        int version = asked.kind() == ChangeKind.AMENDMENT ? store.nextVersion(id, state) : 0;
        ChangeRow change = new ChangeRow(UUID.randomUUID().toString(), id, asked.kind().name(), version,
                asked.reasonCode(), asked.reasonText(), ChangeState.REQUESTED.name(), null, asked.requestHash(),
                asked.actor(), clock.instant(), null);
        store.open(row, change, new ChangeStore.Signed(asked.document(), asked.signature(), asked.signer()));
        if (asked.kind() == ChangeKind.CANCELLATION && state.handedOverAt() == null) {
            store.settle(change, ChangeState.APPROVED, "withdrawn before dispatch: nothing was sent to any agency "
                    + "(发送前撤销：未向任何部门发送)");
            log.info("declaration {} withdrawn before it left this node (change {})", id, change.id());
            return new Taken(store.find(change.id()), true);
        }
        String broker = asked.signer().equals(row.declarantUscc()) ? null : asked.signer();
        Outbox.About about = new Outbox.About(id, type, row.originProvince());
        if (asked.document() != null) {
            attachments.link(id, asked.document(), version, SubmissionController.owners(row.declarantUscc(),
                    asked.signer()));
        }
        Outbox.Sent sent = outbox.send(Destination.CENTRAL, MessageType.CHANGE_REQUEST, about,
                new ChangeRequest(change.id(), asked.kind(), version, asked.reasonCode(), asked.reasonText(),
                        asked.document()), new Outbox.SignedBy(asked.signature(), broker));
        log.info("{} {} of declaration {} queued for central as message {}", asked.kind(), change.id(), id,
                sent.messageId());
        return new Taken(change, true);
    }
}
