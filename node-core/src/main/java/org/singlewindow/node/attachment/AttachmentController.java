package org.singlewindow.node.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.singlewindow.contracts.directory.AttachmentGrants;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.declaration.DeclarationQueries;
import org.singlewindow.node.declaration.DeclarationRow;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A document's attachments, at either role: {@code GET /api/v1/declarations/{id}/attachments} lists them and
 * {@code .../attachments/{sm3}} downloads one, streamed from its sealed file. Its parties (the declarant and the
 * broker that submitted) see every one; an officer of an agency the document was sent to sees those its grant
 * covers ({@code attachment-grants.yaml}); anyone else gets 404. Every download is in the audit log.
 */
@RestController
@RequestMapping("/api/v1/declarations/{id}/attachments")
public class AttachmentController {

    private final DeclarationQueries queries;
    private final AttachmentMapper attachments;
    private final AttachmentFiles files;
    private final AuditLog audit;

    public AttachmentController(DeclarationQueries queries, AttachmentMapper attachments, AttachmentFiles files,
                                AuditLog audit) {
        this.queries = queries;
        this.attachments = attachments;
        this.files = files;
        this.audit = audit;
    }

    /** An attachment of a document as its readers see it. */
    public record AttachmentView(String id, String code, String name, String mediaType, long size) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AttachmentView> list(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        DeclarationRow row = readable(caller, id);
        return visible(caller, row).stream().map(a -> new AttachmentView(a.sm3(), a.code(), a.fileName(),
                a.mediaType(), a.size())).toList();
    }

    @GetMapping("/{sm3}")
    public void download(@PathVariable String id, @PathVariable String sm3, Authentication authentication,
                         HttpServletResponse response) throws IOException {
        Caller caller = Caller.from(authentication);
        DeclarationRow row = readable(caller, id);
        AttachmentRow attachment = visible(caller, row).stream().filter(a -> a.sm3().equals(sm3)).findFirst()
                .orElseThrow(() -> Refusal.notFound("attachment " + sm3 + " of declaration " + id));
        audit.recordNow(caller.clientId(), "ATTACHMENT_DOWNLOADED", id, sm3 + " " + attachment.code());
        response.setContentType(attachment.mediaType());
        response.setContentLengthLong(attachment.size());
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        response.setHeader("X-SW-SM3", sm3);
        try (InputStream in = files.open(sm3)) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The declaration when the caller may read it; 404 (not 403) for anyone else, as the issue asks. */
    private DeclarationRow readable(Caller caller, String id) {
        try {
            return queries.readable(caller, id);
        } catch (Refusal refused) {
            throw Refusal.notFound("declaration " + id);
        }
    }

    private List<AttachmentRow> visible(Caller caller, DeclarationRow row) {
        List<AttachmentRow> all = attachments.ofDeclaration(row.id()).stream().filter(AttachmentRow::complete)
                .toList();
        if (queries.agencyViewOnly(caller, row)) {
            DocumentType type = DocumentType.valueOf(row.documentType());
            return all.stream().filter(a -> AttachmentGrants.standard().grants(caller.agency(), type, a.code()))
                    .toList();
        }
        if (caller.has(Caller.DECLARANT) || caller.has(Caller.BROKER)) {
            return all;
        }
        return List.of(); // operators see the list's metadata through the declaration, not the files
    }
}
