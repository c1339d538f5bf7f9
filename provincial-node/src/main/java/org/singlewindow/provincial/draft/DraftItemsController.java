package org.singlewindow.provincial.draft;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.directory.Field;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.web.RequestBodies;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/drafts/{id}/items}: a draft's goods items replaced from a CSV or XLSX table
 * ({@link ItemSheet}, {@link ItemImport}), all or nothing: a table with any problem is refused with every problem by
 * row and field (400 {@code ITEMS_INVALID}), and the draft stays as it was. Limits: {@code
 * sw.drafts.max-import-size} (413), the directory's most items for the type, formulas refused.
 */
@RestController
public class DraftItemsController {

    private final DraftMapper drafts;
    private final DraftAccess access;
    private final ProvincialProperties provincial;
    private final Clock clock;
    private final Directory directory = Directory.standard();

    public DraftItemsController(DraftMapper drafts, DraftAccess access, ProvincialProperties provincial,
                                Clock clock) {
        this.drafts = drafts;
        this.access = access;
        this.provincial = provincial;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/drafts/{id}/items", consumes = {ItemSheet.CSV, ItemSheet.XLSX},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public DraftView items(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                           HttpServletRequest request, Authentication authentication) throws IOException {
        Caller caller = DraftAccess.declarant(authentication);
        DraftRow row = access.readable(caller, drafts.find(id), request, authentication);
        DocumentDefinition definition = directory.document(DocumentType.valueOf(row.documentType()));
        int maxRows = definition.field("data.items").filter(Field.Repeat.class::isInstance)
                .map(f -> ((Field.Repeat) f).max()).orElse(1);
        String mediaType = MediaType.parseMediaType(request.getContentType()).getType() + "/"
                + MediaType.parseMediaType(request.getContentType()).getSubtype();
        ItemSheet sheet = ItemSheet.read(mediaType, RequestBodies.bytes(request, provincial.drafts().maxImportSize()),
                maxRows);
        ItemImport.Result result = ItemImport.apply(directory, definition,
                (ObjectNode) Json.MAPPER.readTree(row.document()), sheet);
        if (!result.problems().isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "ITEMS_INVALID", "Items refused", "货物表体有误",
                    result.problems().size() + " problem(s) in the table, by row and field; nothing was changed",
                    "表格中有 " + result.problems().size() + " 处错误（按行和栏目列出），草稿未作更改", result.problems());
        }
        int revision = ifMatch == null ? row.revision() : DraftController.revision(ifMatch);
        if (drafts.save(id, revision, row.documentType(), DraftRow.seal(id,
                Json.MAPPER.writeValueAsString(result.document())), clock.instant()) == 0) {
            throw DraftController.changed(revision);
        }
        return DraftView.of(drafts.find(id), true);
    }
}
