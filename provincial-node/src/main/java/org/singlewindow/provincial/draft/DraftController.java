package org.singlewindow.provincial.draft;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.Templates;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.declaration.DeclarationQueries;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.declaration.DeclarationView;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.web.FieldChecks;
import org.singlewindow.node.web.RequestBodies;
import org.singlewindow.provincial.ProvincialProperties;
import org.singlewindow.provincial.submission.SubmissionController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drafts at a province ({@code /api/v1/drafts}): kept, listed, resumed, saved over (naming the revision edited),
 * deleted and submitted; and templates: {@code POST /api/v1/declarations/{id}/template} copies an earlier document
 * of one's own as a new draft. Each answer carries the draft's problems per field, as a submission would meet them.
 */
@RestController
public class DraftController {

    private final DraftMapper drafts;
    private final DraftAccess access;
    private final DeclarationQueries declarations;
    private final SubmissionController submissions;
    private final NodeProperties node;
    private final ProvincialProperties provincial;
    private final Clock clock;
    private final Directory directory = Directory.standard();

    public DraftController(DraftMapper drafts, DraftAccess access, DeclarationQueries declarations,
                           SubmissionController submissions, NodeProperties node, ProvincialProperties provincial,
                           Clock clock) {
        this.drafts = drafts;
        this.access = access;
        this.declarations = declarations;
        this.submissions = submissions;
        this.node = node;
        this.provincial = provincial;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/drafts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DraftView> create(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = DraftAccess.declarant(authentication);
        ObjectNode document = object(RequestBodies.read(request, node.intake().maxBodySize()));
        return created(caller, document, request, authentication);
    }

    /** A new draft from an earlier document of one's own, less what belonged to it alone. */
    @PostMapping(path = "/api/v1/declarations/{id}/template", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DraftView> template(@PathVariable String id, HttpServletRequest request,
                                              Authentication authentication) {
        Caller caller = DraftAccess.declarant(authentication);
        DeclarationRow earlier = declarations.ofParty(caller, id);
        DocumentType type = DocumentType.valueOf(earlier.documentType());
        return created(caller, Templates.template(directory.document(type), Json.MAPPER.readTree(earlier.document())),
                request, authentication);
    }

    /**
     * The caller's enterprise's drafts, the last saved first; a customs broker names a principal that delegated
     * to it with {@code ?enterprise=} and sees the drafts of the types delegated.
     */
    @GetMapping(path = "/api/v1/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DraftView> list(@RequestParam(required = false) String enterprise, HttpServletRequest request,
                                Authentication authentication) {
        Caller caller = DraftAccess.declarant(authentication);
        String owner = enterprise == null || enterprise.isBlank() ? caller.uscc() : enterprise;
        Map<String, Boolean> typesSeen = new HashMap<>(); // one question to central per document type at most
        return drafts.ofOwner(owner, provincial.drafts().maxPerEnterprise()).stream()
                .filter(row -> typesSeen.computeIfAbsent(row.documentType(),
                        type -> visible(caller, row, request, authentication)))
                .map(row -> DraftView.of(row, false)).toList();
    }

    @GetMapping(path = "/api/v1/drafts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DraftView get(@PathVariable String id, HttpServletRequest request, Authentication authentication) {
        Caller caller = DraftAccess.declarant(authentication);
        return DraftView.of(access.readable(caller, drafts.find(id), request, authentication), true);
    }

    /**
     * Saves the whole document over the draft; with {@code If-Match: "<revision>"} only if nobody saved it since
     * (409 {@code DRAFT_CHANGED} otherwise). Its type may change; its owner (the declarant it names) may not.
     */
    @PutMapping(path = "/api/v1/drafts/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public DraftView save(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                          HttpServletRequest request, Authentication authentication) throws IOException {
        Caller caller = DraftAccess.declarant(authentication);
        DraftRow row = access.readable(caller, drafts.find(id), request, authentication);
        ObjectNode document = object(RequestBodies.read(request, node.intake().maxBodySize()));
        DocumentType type = typeOf(document);
        FieldChecks checks = new FieldChecks();
        checks.expect(row.owner().equals(declarantOf(document, row.owner())), "$.declarant.uscc", "DRAFT_OWNER_FIXED",
                "草稿所属企业不能更改", "a draft stays with the enterprise it belongs to: " + row.owner());
        checks.done();
        access.mayKeep(caller, row.owner(), type, request, authentication);
        int revision = ifMatch == null ? row.revision() : revision(ifMatch);
        if (drafts.save(id, revision, type.name(), DraftRow.seal(id, Json.MAPPER.writeValueAsString(document)),
                clock.instant()) == 0) {
            throw changed(revision);
        }
        return DraftView.of(drafts.find(id), true);
    }

    @DeleteMapping(path = "/api/v1/drafts/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request,
                                       Authentication authentication) {
        Caller caller = DraftAccess.declarant(authentication);
        drafts.delete(access.readable(caller, drafts.find(id), request, authentication).id());
        return ResponseEntity.noContent().build();
    }

    /**
     * Submits the draft as it is saved, signed like any submission ({@code X-SW-Signature} over its document), and
     * deletes it once taken; refused as a submission is, and then kept.
     */
    @PostMapping(path = "/api/v1/drafts/{id}/submission", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeclarationView> submit(@PathVariable String id, HttpServletRequest request,
                                                  Authentication authentication) {
        Caller caller = DraftAccess.declarant(authentication);
        DraftRow row = access.readable(caller, drafts.find(id), request, authentication);
        ResponseEntity<DeclarationView> taken = submissions.accept(caller, Json.MAPPER.readTree(row.document()),
                Set.of(), request.getHeader(DocumentSignatures.HEADER), request, authentication);
        drafts.delete(id);
        return taken;
    }

    /** Keeps a new draft for the enterprise it names (the caller's own when it names none). */
    ResponseEntity<DraftView> created(Caller caller, ObjectNode document, HttpServletRequest request,
                                      Authentication authentication) {
        DocumentType type = typeOf(document);
        String owner = declarantOf(document, caller.uscc());
        access.mayKeep(caller, owner, type, request, authentication);
        if (drafts.countOf(owner) >= provincial.drafts().maxPerEnterprise()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "DRAFT_LIMIT", "Too many drafts", "草稿过多",
                    "an enterprise keeps at most " + provincial.drafts().maxPerEnterprise() + " drafts; delete some",
                    "每家企业最多保存 " + provincial.drafts().maxPerEnterprise() + " 份草稿，请先删除部分草稿");
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        drafts.insert(new DraftRow(id, owner, type.name(), DraftRow.seal(id, Json.MAPPER.writeValueAsString(document)),
                caller.clientId(), now, now, 1));
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + id)).body(DraftView.of(drafts.find(id), true));
    }

    private boolean visible(Caller caller, DraftRow row, HttpServletRequest request, Authentication authentication) {
        try {
            access.readable(caller, row, request, authentication);
            return true;
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                return false;
            }
            throw refusal;
        }
    }

    private static ObjectNode object(JsonNode body) {
        if (!(body instanceof ObjectNode document)) {
            throw new Refusal(Refusal.Kind.INVALID, "NOT_AN_OBJECT", "Not a document", "不是单证",
                    "a draft is a JSON object, as a document is", "草稿须为 JSON 对象");
        }
        return document;
    }

    /** The document type a draft must name from the start (the rest may come later). */
    private static DocumentType typeOf(JsonNode document) {
        DocumentType type = DocumentType.parse(document.path("documentType").asString("")).orElse(null);
        FieldChecks checks = new FieldChecks();
        checks.expect(type != null, "$.documentType", "UNKNOWN_DOCUMENT_TYPE", "草稿须注明单证类型（标准版中的一种）",
                "a draft names its document type, one of the standard edition's");
        checks.done();
        return type;
    }

    /** The enterprise a draft is for: the declarant it names, else {@code otherwise}. */
    private static String declarantOf(JsonNode document, String otherwise) {
        String uscc = document.path("declarant").path("uscc").asString("");
        return uscc.isBlank() ? otherwise : uscc;
    }

    static Refusal changed(int revision) {
        return new Refusal(Refusal.Kind.CONFLICT, "DRAFT_CHANGED", "Draft changed", "草稿已被修改",
                "the draft was saved by someone else since revision " + revision + "; reload it and save again",
                "草稿自第 " + revision + " 版后已被他人保存，请重新打开后再保存");
    }

    static int revision(String ifMatch) {
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new Refusal(Refusal.Kind.INVALID, "BAD_IF_MATCH", "Bad If-Match", "If-Match 无效",
                    "If-Match names the revision saved over, e.g. \"3\"", "If-Match 须为所编辑的版本号，例如 \"3\"",
                    List.of(new Violation("If-Match", "BAD_IF_MATCH", "须为版本号", "a revision number")));
        }
    }
}
