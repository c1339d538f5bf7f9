package org.singlewindow.provincial.submission;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.eport.ReceiptXml;
import org.singlewindow.node.attachment.Attachments;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationQueries;
import org.singlewindow.node.declaration.DeclarationView;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/declarations} on provincial nodes, the declarants' access point for every document type of
 * the standard edition: 202 and a Location for a new document, 200 with the existing one for a repeated identical
 * submission, 400/403/409/413/415/422 problem details otherwise (nothing stored). Validation is the directory's:
 * every field error at once (400), then the declarant's signature ({@code X-SW-Signature}, 400 naming the reason),
 * then references to earlier documents (422).
 */
@RestController
@RequestMapping("/api/v1/declarations")
public class SubmissionController {

    private final IntakeService intake;
    private final DeclarationQueries queries;
    private final ReferenceChecker references;
    private final DocumentSignatures signatures;
    private final Directory directory = Directory.standard();
    private final NodeProperties node;
    private final CallerTokens tokens;
    private final CentralDelegations delegations;
    private final Attachments attachments;

    public SubmissionController(IntakeService intake, DeclarationQueries queries, ReferenceChecker references,
                                DocumentSignatures signatures, NodeProperties node, CallerTokens tokens,
                                CentralDelegations delegations, Attachments attachments) {
        this.attachments = attachments;
        this.tokens = tokens;
        this.delegations = delegations;
        this.signatures = signatures;
        this.intake = intake;
        this.queries = queries;
        this.references = references;
        this.node = node;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeclarationView> submit(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = declarant(authentication);
        JsonNode document = RequestBodies.read(request, node.intake().maxBodySize());
        return accept(caller, document, Set.of(), request.getHeader(DocumentSignatures.HEADER), request,
                authentication);
    }

    /**
     * The goods declaration as E-Port XML: a {@code DecMessage}, or a {@code DxpMsg} carrying one in {@code Data},
     * signed either E-Port style (an enveloped XML-DSig in the {@code DecMessage}, SM2/SM3, which then travels with
     * the document as its signature) or like JSON ({@code X-SW-Signature} over the mapped document).
     * It is mapped to the JSON contract (README has the table) and then treated exactly like JSON; unsafe XML
     * (DOCTYPE, entities), too deep or too large XML and elements the mapping does not know are refused with 400.
     */
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeclarationView> submitXml(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = declarant(authentication);
        XmlDocuments.Mapped mapped = XmlDocuments.map(RequestBodies.bytes(request, node.intake().maxBodySize()));
        return accept(caller, mapped.document(), XmlDocuments.notCarried(), mapped.signature(request), request,
                authentication);
    }

    /**
     * The same XML submission for declarant software that wants the E-Port's answer: a {@code DecImportResponse}
     * ({@code Accept: application/xml}) with the same status and {@code Location}; refusals are the same problems.
     */
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public ResponseEntity<String> submitXmlForXml(HttpServletRequest request, Authentication authentication)
            throws IOException {
        ResponseEntity<DeclarationView> taken = submitXml(request, authentication);
        DeclarationView view = taken.getBody();
        return ResponseEntity.status(taken.getStatusCode()).headers(taken.getHeaders())
                .contentType(MediaType.APPLICATION_XML).body(ReceiptXml.importResponse(view.clientReference(),
                        view.id(), taken.getStatusCode() == HttpStatus.ACCEPTED));
    }

    /**
     * {@code POST /api/v1/declarations/mapping}: the document an E-Port XML message stands for, as it would be
     * submitted (refused as a submission would be refused); nothing is stored. Declaration software (or the portal)
     * signs this document to submit XML that carries no enveloped signature: the XML with {@code X-SW-Signature}
     * over its mapped document.
     */
    @PostMapping(path = "/mapping", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode mapping(HttpServletRequest request) throws IOException {
        return XmlDocuments.map(RequestBodies.bytes(request, node.intake().maxBodySize())).document();
    }

    /** Whose uploads a document may name: its declarant's, and the submitting broker's. */
    public static Set<String> owners(String declarantUscc, String callerUscc) {
        return new java.util.LinkedHashSet<>(java.util.Arrays.asList(declarantUscc, callerUscc));
    }

    private static Caller declarant(Authentication authentication) {
        return Caller.declarant(authentication, "submit", "申报");
    }

    /**
     * Validates, authorizes, checks references and takes a document in whatever format it arrived. A customs
     * broker declaring for another enterprise must hold a delegation in force, checked with central just now;
     * the broker signs, and the declaration carries both identities. {@code notCarried}: the fields the JSON
     * contract requires that the format it arrived in has no element for (none for JSON).
     */
    public ResponseEntity<DeclarationView> accept(Caller caller, JsonNode document, Set<String> notCarried,
                                           String signatureGiven, HttpServletRequest request,
                                           Authentication authentication) {
        List<Violation> violations = directory.validator().validate(document, notCarried);
        if (!violations.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "VALIDATION_FAILED", "Invalid declaration", "申报数据有误",
                    violations.size() + " field(s) are invalid; see errors", violations.size() + " 个字段有误，详见 errors",
                    violations);
        }
        String uscc = document.get("declarant").get("uscc").asString();
        DocumentType type = DocumentType.valueOf(document.get("documentType").asString());
        String delegationId = null;
        if (!uscc.equals(caller.uscc()) && caller.has(Caller.BROKER)) {
            String token = tokens.of(authentication, request);
            if (token == null) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "DELEGATION_UNCHECKED", "Delegation not checked",
                        "无法核验委托", "this login carries no token central accepts", "此登录没有中央节点可核验的令牌");
            }
            delegationId = delegations.covering(token, uscc, type);
        } else if (!uscc.equals(caller.uscc())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "USCC_MISMATCH", "Not your enterprise", "非本企业",
                    "your token may only declare for enterprise " + caller.uscc()
                            + " (a customs broker needs the BROKER role and a delegation)",
                    "您的令牌只能为企业 " + caller.uscc() + " 申报",
                    List.of(new Violation("$.declarant.uscc", "USCC_MISMATCH", "与令牌绑定的企业不一致",
                            "differs from the enterprise your token is bound to")));
        }
        String signature = signatures.verify(document, signatureGiven, caller.uscc(), caller.certSha256());
        Unusable.references(references.check(directory.document(type), document, uscc));
        Unusable.attachments(attachments.check(document, owners(uscc, caller.uscc())));
        Submission submission = intake.submit(caller.clientId(), uscc, type, document, signature,
                delegationId == null ? null : new IntakeService.OnBehalf(caller.uscc(), delegationId));
        DeclarationView view = queries.view(caller, submission.declarationId());
        if (!submission.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/declarations/" + submission.declarationId())).body(view);
    }
}
