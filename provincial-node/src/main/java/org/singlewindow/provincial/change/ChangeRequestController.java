package org.singlewindow.provincial.change;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.change.ChangeKind;
import org.singlewindow.contracts.change.ChangeRules;
import org.singlewindow.contracts.change.ChangeState;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.eport.WithdrawalXml;
import org.singlewindow.contracts.exchange.ChangeRequest;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.attachment.Attachments;
import org.singlewindow.node.change.ChangeMapper;
import org.singlewindow.node.change.ChangeRow;
import org.singlewindow.node.change.ChangeView;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationQueries;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.transport.EnvelopeCodec;
import org.singlewindow.node.web.FieldChecks;
import org.singlewindow.node.web.RequestBodies;
import org.singlewindow.provincial.submission.ReferenceChecker;
import org.singlewindow.provincial.submission.SubmissionController;
import org.singlewindow.provincial.submission.Unusable;
import org.singlewindow.provincial.submission.XmlDocuments;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/declarations/{id}/amendments} ({@code {"reasonCode", "reasonText", "document"}}, the whole
 * new version signed like a submission in {@code X-SW-Signature}) and {@code .../cancellations}
 * ({@code {"reasonCode", "reasonText"}}, signed over {@code {"declarationId", "reasonCode", "reasonText"}}), by the
 * document's declarant or the customs broker that submitted it. 202 with the change and its Location while the
 * agencies decide; 200 when it is final already (a cancellation before dispatch) or when the same request was made
 * before; 400 (fields, signature), 403/404 (not a party), 409 ({@code DOCUMENT_CLOSED}, {@code CHANGE_OPEN}) and
 * 422 ({@code FIXED_FIELD_CHANGED}, {@code NOTHING_CHANGED}, {@code REFERENCE_INVALID}) otherwise, nothing kept.
 */
@RestController
@RequestMapping("/api/v1/declarations/{id}")
public class ChangeRequestController {

    private final DeclarationQueries queries;
    private final ChangeIntake intake;
    private final DocumentSignatures signatures;
    private final ReferenceChecker references;
    private final NodeProperties node;
    private final EnvelopeCodec codec;
    private final ChangeMapper changes;
    private final Attachments attachments;
    private final Directory directory = Directory.standard();

    public ChangeRequestController(DeclarationQueries queries, ChangeIntake intake, DocumentSignatures signatures,
                                   ReferenceChecker references, NodeProperties node, EnvelopeCodec codec,
                                   ChangeMapper changes, Attachments attachments) {
        this.attachments = attachments;
        this.changes = changes;
        this.queries = queries;
        this.intake = intake;
        this.signatures = signatures;
        this.references = references;
        this.node = node;
        this.codec = codec;
    }

    @PostMapping(path = "/amendments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ChangeView> amend(@PathVariable String id, HttpServletRequest request,
                                            Authentication authentication) throws IOException {
        Caller caller = Caller.from(authentication);
        DeclarationRow row = queries.ofParty(caller, id);
        JsonNode body = RequestBodies.read(request, node.intake().maxBodySize());
        ChangeChecks.Reason reason = ChangeChecks.reason(body, true);
        return amended(caller, row, reason, body.get("document"), Set.of(),
                request.getHeader(DocumentSignatures.HEADER));
    }

    /**
     * The same from declarant software that speaks E-Port XML: the corrected {@code DecMessage} (or a {@code DxpMsg}
     * carrying one) as the body, signed E-Port style inside or with {@code X-SW-Signature} over its mapped document,
     * the reason in {@code ?reasonCode=&reasonText=}.
     */
    @PostMapping(path = "/amendments", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ChangeView> amendXml(@PathVariable String id,
                                               @RequestParam(required = false) String reasonCode,
                                               @RequestParam(required = false) String reasonText,
                                               HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = Caller.from(authentication);
        DeclarationRow row = queries.ofParty(caller, id);
        ObjectNode given = Json.MAPPER.createObjectNode();
        given.put("reasonCode", reasonCode);
        given.put("reasonText", reasonText);
        ChangeChecks.Reason reason = ChangeChecks.reason(given, false);
        XmlDocuments.Mapped mapped = XmlDocuments.map(RequestBodies.bytes(request, node.intake().maxBodySize()));
        return amended(caller, row, reason, mapped.document(), XmlDocuments.notCarried(), mapped.signature(request));
    }

    private ResponseEntity<ChangeView> amended(Caller caller, DeclarationRow row, ChangeChecks.Reason reason,
                                               JsonNode document, Set<String> notCarried, String signatureGiven) {
        String id = row.id();
        DocumentType type = DocumentType.valueOf(row.documentType());
        ChangeChecks.amendment(ChangeRules.standard().of(type), codec.readTree(row.document()), document, notCarried);
        String signature = signatures.verify(document, signatureGiven, caller.uscc(), caller.certSha256());
        Unusable.references(references.check(directory.document(type), document, row.declarantUscc()));
        Unusable.attachments(attachments.check(document, SubmissionController.owners(row.declarantUscc(),
                caller.uscc())));
        return answer(id, intake.take(row, new ChangeIntake.Asked(caller.clientId(), caller.uscc(),
                ChangeKind.AMENDMENT, reason.code(), reason.text(), document, signature,
                hash(ChangeKind.AMENDMENT, id, reason, document))));
    }

    @PostMapping(path = "/cancellations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ChangeView> cancel(@PathVariable String id, HttpServletRequest request,
                                             Authentication authentication) throws IOException {
        Caller caller = Caller.from(authentication);
        DeclarationRow row = queries.ofParty(caller, id);
        JsonNode body = RequestBodies.read(request, node.intake().maxBodySize());
        return cancelled(caller, row, ChangeChecks.reason(body, false), request.getHeader(DocumentSignatures.HEADER));
    }

    /**
     * The same from declarant software that speaks E-Port XML: a {@code DecWithdrawal} ({@link WithdrawalXml}, bare
     * or in a {@code DxpMsg}) naming this document by its {@code SeqNo}, signed E-Port style inside or with
     * {@code X-SW-Signature} over what it stands for.
     */
    @PostMapping(path = "/cancellations", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ChangeView> cancelXml(@PathVariable String id, HttpServletRequest request,
                                                Authentication authentication) throws IOException {
        Caller caller = Caller.from(authentication);
        DeclarationRow row = queries.ofParty(caller, id);
        WithdrawalXml.Read withdrawal = XmlDocuments.withdrawal(RequestBodies.bytes(request,
                node.intake().maxBodySize()));
        FieldChecks checks = new FieldChecks();
        checks.expect(id.equals(withdrawal.declarationId()), "/DecWithdrawal/SeqNo", "SEQ_NO_MISMATCH",
                "SeqNo 须为所撤销单证的编号", "SeqNo must be the id of the document withdrawn");
        checks.done();
        return cancelled(caller, row, ChangeChecks.reason(withdrawal.content(), false),
                XmlDocuments.signature(withdrawal, request));
    }

    private ResponseEntity<ChangeView> cancelled(Caller caller, DeclarationRow row, ChangeChecks.Reason reason,
                                                 String signatureGiven) {
        String id = row.id();
        String signature = signatures.verify(ChangeRequest.cancellation(id, reason.code(), reason.text()),
                signatureGiven, caller.uscc(), caller.certSha256());
        return answer(id, intake.take(row, new ChangeIntake.Asked(caller.clientId(), caller.uscc(),
                ChangeKind.CANCELLATION, reason.code(), reason.text(), null, signature,
                hash(ChangeKind.CANCELLATION, id, reason, null))));
    }

    private static String hash(ChangeKind kind, String id, ChangeChecks.Reason reason, JsonNode document) {
        ObjectNode request = ChangeRequest.cancellation(id, reason.code(), reason.text());
        request.put("kind", kind.name());
        if (document != null) {
            request.set("document", document);
        }
        return CanonicalJson.sha256(request);
    }

    private ResponseEntity<ChangeView> answer(String id, ChangeIntake.Taken taken) {
        ChangeRow change = taken.change();
        ChangeView view = ChangeView.of(changes.findChange(change.id()), changes.answersOf(change.id()));
        URI location = URI.create("/api/v1/declarations/" + id + "/changes/" + change.id());
        boolean open = taken.created() && !ChangeState.valueOf(change.state()).isFinal();
        return (open ? ResponseEntity.accepted() : ResponseEntity.ok()).location(location).body(view);
    }
}
