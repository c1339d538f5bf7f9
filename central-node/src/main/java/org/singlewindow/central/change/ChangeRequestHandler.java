package org.singlewindow.central.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.singlewindow.central.agency.AgencyRequests;
import org.singlewindow.contracts.change.ChangeKind;
import org.singlewindow.contracts.change.ChangeRules;
import org.singlewindow.contracts.change.ChangeState;
import org.singlewindow.contracts.change.FieldDiff;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.contracts.exchange.AgencyChange;
import org.singlewindow.contracts.exchange.ChangeRequest;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.attachment.AttachmentTravel;
import org.singlewindow.node.attachment.Attachments;
import org.singlewindow.node.change.ChangeRow;
import org.singlewindow.node.change.ChangeStore;
import org.singlewindow.node.change.DeclarationChangeState;
import org.singlewindow.node.declaration.DeclarationMapper;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.outbox.Outbox;
import org.singlewindow.node.refusal.PermanentFailure;
import org.singlewindow.node.refusal.TransientFailure;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.status.AgencyRow;
import org.singlewindow.node.status.StatusMapper;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.transport.InboundHandler;
import org.singlewindow.routing.Destination;
import org.singlewindow.routing.FieldProjection;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Central: a province's change request, in the inbox transaction with the declaration locked. The declarant's (or
 * broker's) signature is checked again as it stood when the province took the request. A document central holds
 * as closed to the change, or with a change open here, refuses it at once. Otherwise the change opens and goes to
 * every involved agency: each that received the document (a follow-up never sent and a skipped agency are not
 * involved); for an amendment only those whose own subset changed, each with that subset and its changed fields.
 * The attachments a new version adds follow each asked agency whose grant covers them. With nobody to ask it is
 * decided at once ({@link ChangeDecisions}); the province hears where it stands.
 */
@Component
public class ChangeRequestHandler implements InboundHandler {

    private final ChangeStore store;
    private final ChangeDecisions decisions;
    private final DeclarationMapper declarations;
    private final StatusMapper agencies;
    private final DocumentSignatures signatures;
    private final Outbox outbox;
    private final EnvelopeCodec codec;
    private final Attachments attachments;
    private final AgencyRequests requests;
    private final AttachmentTravel travel;

    public ChangeRequestHandler(ChangeStore store, ChangeDecisions decisions, DeclarationMapper declarations,
                                StatusMapper agencies, DocumentSignatures signatures, Outbox outbox,
                                EnvelopeCodec codec, Attachments attachments, AgencyRequests requests,
                                AttachmentTravel travel) {
        this.travel = travel;
        this.attachments = attachments;
        this.requests = requests;
        this.store = store;
        this.decisions = decisions;
        this.declarations = declarations;
        this.agencies = agencies;
        this.signatures = signatures;
        this.outbox = outbox;
        this.codec = codec;
    }

    @Override
    public MessageType messageType() {
        return MessageType.CHANGE_REQUEST;
    }

    @Override
    public void apply(Envelope envelope) {
        String id = envelope.declarationId();
        ChangeRequest request = codec.payload(envelope, ChangeRequest.class);
        DeclarationRow row = declarations.findById(id);
        if (row == null) {
            throw new PermanentFailure("UNKNOWN_DECLARATION", "change " + request.changeId() + " of declaration "
                    + id + ", which central never received");
        }
        String signer = envelope.submittedBy() != null ? envelope.submittedBy() : row.declarantUscc();
        Instant acceptedAt = signatures.acceptedAt(envelope.createdAt());
        String signature = signatures.verifyAcceptedAt(request.signedContent(id), envelope.documentSignature(),
                signer, acceptedAt);
        if (request.kind() == ChangeKind.AMENDMENT && !travel.allHere(request.document(), new java.util.LinkedHashSet<>(
                java.util.Arrays.asList(row.declarantUscc(), row.submittedBy())))) {
            throw new TransientFailure("ATTACHMENT_PENDING", "a file the new version names is still on its way");
        }
        DeclarationChangeState state = store.lock(id);
        row = declarations.findById(id);
        OverallStatus status = OverallStatus.valueOf(row.status());
        ChangeRow change = new ChangeRow(request.changeId(), id, request.kind().name(), request.version(),
                request.reasonCode(), request.reasonText(), ChangeState.REQUESTED.name(), null,
                CanonicalJson.sha256(Json.MAPPER.valueToTree(request)), "node:" + envelope.sender(), acceptedAt,
                null);
        DocumentType type = DocumentType.valueOf(row.documentType());
        String refusal = ChangeRules.standard().of(type).closed(request.kind(), status)
                ? "the document is " + status + " at central (单证在中央节点的状态为 " + status + "，不能办理)"
                : state.openChange() != null ? "change " + state.openChange() + " is still open (仍有未完成的申请)" : null;
        if (refusal != null) {
            store.refuseAtOnce(change, refusal);
            decisions.report(row, store.find(change.id()));
            return;
        }
        store.open(row, change, new ChangeStore.Signed(request.kind() == ChangeKind.AMENDMENT ? request.document()
                : null, signature, signer));
        java.util.Set<String> added = new java.util.HashSet<>();
        if (request.kind() == ChangeKind.AMENDMENT) {
            attachments.link(id, request.document(), request.version(), new java.util.LinkedHashSet<>(
                    java.util.Arrays.asList(row.declarantUscc(), row.submittedBy()))).forEach(a -> added.add(a.sm3()));
        }
        List<Ask> asks = asks(row, request);
        store.asked(change, asks.stream().map(Ask::agency).toList());
        for (Ask ask : asks) {
            outbox.send(Destination.agency(ask.agency()), MessageType.AGENCY_CHANGE,
                    new Outbox.About(id, type, row.originProvince()), ask.change());
            if (!added.isEmpty()) {
                requests.sendFiles(id, type, row.originProvince(), Destination.agency(ask.agency()),
                        request.document(), added);
            }
        }
        decisions.decide(row, store.find(change.id()));
    }

    /** What one involved agency is asked. */
    private record Ask(String agency, AgencyChange change) {
    }

    private List<Ask> asks(DeclarationRow row, ChangeRequest request) {
        JsonNode before = codec.readTree(row.document());
        List<Ask> asks = new ArrayList<>();
        for (AgencyRow agency : agencies.agencies(row.id())) {
            boolean sent = !agency.status().equals(AgencyStatus.SKIPPED.name())
                    && !(agency.status().equals(AgencyStatus.PENDING.name()) && agency.decision().followUp());
            if (!sent) {
                continue;
            }
            JsonNode subset = null;
            List<String> changed = List.of();
            if (request.kind() == ChangeKind.AMENDMENT) {
                List<String> grant = agency.decision().grant();
                subset = FieldProjection.project(request.document(), grant);
                changed = FieldDiff.changed(FieldProjection.project(before, grant), subset);
                if (changed.isEmpty()) {
                    continue;
                }
            }
            asks.add(new Ask(agency.agency(), new AgencyChange(null, row.id(), request.changeId(), request.kind(),
                    request.version(), request.reasonCode(), request.reasonText(), subset, changed, agency.status(),
                    row.submittedBy())));
        }
        return asks;
    }
}
