package org.singlewindow.provincial.draft;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.Prefills;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.declaration.DeclarationQueries;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/drafts/prefill?from=<declaration id>&to=<type>&pick=<value>}: a new draft of {@code to}
 * prefilled from an earlier document of one's own ({@code prefills.yaml}): a goods declaration from a manifest's
 * bill ({@code pick} = the bill of lading number), an export tax rebate from the export customs released. 422 when
 * that document cannot prefill that type (another type, not yet released, not an export, no such bill).
 */
@RestController
public class DraftPrefillController {

    private static final Set<String> RELEASED = Set.of("RELEASED", "CLOSED");

    private final DraftController drafts;
    private final DeclarationQueries declarations;

    public DraftPrefillController(DraftController drafts, DeclarationQueries declarations) {
        this.drafts = drafts;
        this.declarations = declarations;
    }

    @PostMapping(path = "/api/v1/drafts/prefill", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DraftView> prefill(@RequestParam String from, @RequestParam String to,
                                             @RequestParam(required = false) String pick, HttpServletRequest request,
                                             Authentication authentication) {
        Caller caller = DraftAccess.declarant(authentication);
        DocumentType target = DocumentType.parse(to).orElseThrow(() -> new Refusal(Refusal.Kind.INVALID,
                "UNKNOWN_DOCUMENT_TYPE", "Unknown document type", "单证类型未知", to + " is not a document type",
                to + " 不是单证类型", List.of(new Violation("to", "UNKNOWN_DOCUMENT_TYPE", "单证类型未知",
                "not a document type of the standard edition"))));
        DeclarationRow earlier = declarations.ofParty(caller, from);
        DocumentType source = DocumentType.valueOf(earlier.documentType());
        Prefills.Prefill prefill = Prefills.standard().of(source, target).orElseThrow(() -> notApplicable("to",
                "a " + target + " is not prefilled from a " + source, "此类单证不能由所选单证预填"));
        if (prefill.releasedBy() != null && declarations.view(caller, from).agencies().stream().noneMatch(a ->
                a.agency().equals(prefill.releasedBy()) && RELEASED.contains(a.status()))) {
            throw notApplicable("from", "a " + target + " is prefilled from a " + source + " once "
                    + prefill.releasedBy() + " released it", "所选单证尚未被 " + prefill.releasedBy() + " 放行");
        }
        try {
            return drafts.created(caller, Prefills.apply(prefill, earlier.id(), Json.MAPPER.readTree(earlier.document()),
                    pick), request, authentication);
        } catch (Prefills.NotApplicable e) {
            throw notApplicable(e.field(), e.getMessage(), "所选单证不能用于预填：" + e.getMessage());
        }
    }

    private static Refusal notApplicable(String field, String en, String zh) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "PREFILL_NOT_APPLICABLE", "Cannot prefill", "无法预填", en, zh,
                List.of(new Violation(field, "PREFILL_NOT_APPLICABLE", zh, en)));
    }
}
