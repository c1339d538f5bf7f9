package org.singlewindow.provincial.attachment;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.attachment.AttachmentRow;
import org.singlewindow.node.attachment.AttachmentTravel;
import org.singlewindow.node.attachment.Attachments;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/attachments?code=00000001&name=invoice.pdf}, the file as the body with its own
 * {@code Content-Type} (PDF, JPEG, PNG, OFD or XML): 201 with the attachment and its id (the SM3 hash of the bytes),
 * 200 when the enterprise uploaded these bytes before; 400 naming {@code $.code}, {@code $.name} or
 * {@code $.content} (not what it claims, empty, truncated, a PDF with scripts, launch actions or embedded files),
 * 413 over {@code sw.attachments.max-file-size}, 415 for another type. Nothing is kept from a refused upload. A
 * new file is on its way to central when the answer comes ({@link AttachmentShipping}).
 */
@RestController
public class AttachmentUploadController {

    private final Attachments attachments;
    private final AttachmentShipping shipping;

    public AttachmentUploadController(Attachments attachments, AttachmentShipping shipping) {
        this.attachments = attachments;
        this.shipping = shipping;
    }

    /**
     * An uploaded attachment as its uploader sees it; {@code shipping}: how far its way to central got while it is
     * under way (pieces with the broker, of how many), null once it is all on its way.
     */
    public record UploadView(String id, String code, String name, String mediaType, long size, String uploadedBy,
                             AttachmentTravel.Progress shipping) {
        static UploadView of(AttachmentRow row, AttachmentTravel.Progress shipping) {
            return new UploadView(row.sm3(), row.code(), row.fileName(), row.mediaType(), row.size(),
                    row.uploadedBy(), shipping);
        }
    }

    @PostMapping(path = "/api/v1/attachments", consumes = {MediaType.APPLICATION_PDF_VALUE,
            MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, "application/ofd", MediaType.APPLICATION_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UploadView> upload(@RequestParam(required = false) String code,
                                             @RequestParam(required = false) String name,
                                             HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = Caller.from(authentication);
        if (!(caller.has(Caller.DECLARANT) || caller.has(Caller.BROKER)) || caller.uscc() == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NOT_A_DECLARANT", "Not a declarant", "非申报人",
                    "only declarant clients bound to an enterprise may upload attachments",
                    "只有绑定企业的申报客户端可以上传随附单证");
        }
        String mediaType = MediaType.parseMediaType(request.getContentType()).getType() + "/"
                + MediaType.parseMediaType(request.getContentType()).getSubtype();
        Attachments.Uploaded uploaded = attachments.upload(caller.uscc(), caller.clientId(), code, name, mediaType,
                request.getInputStream());
        if (uploaded.created()) {
            shipping.ship(uploaded.attachment());
        }
        UploadView view = UploadView.of(uploaded.attachment(), shipping.progress(uploaded.attachment()));
        return uploaded.created()
                ? ResponseEntity.created(URI.create("/api/v1/attachments/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    /** {@code GET /api/v1/attachments/{id}}: one of the caller's enterprise's uploads; 404 for anyone else's. */
    @GetMapping(path = "/api/v1/attachments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public UploadView upload(@PathVariable String id, Authentication authentication) {
        AttachmentRow row = attachments.own(id, Caller.from(authentication).uscc());
        if (row == null) {
            throw Refusal.notFound("attachment " + id);
        }
        return UploadView.of(row, shipping.progress(row));
    }
}
