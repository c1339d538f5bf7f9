package org.singlewindow.node.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.singlewindow.contracts.codes.CodeList;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.web.FieldChecks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Attachments as a node takes them: an upload is checked (a known document code, a clean file name, an accepted
 * type the bytes really are, within the size limit) before anything is kept; a document names its attachments by
 * id (their SM3 hash, in {@code data.electronicDocuments[].id}), each of which must be an upload of its declarant
 * (or the broker that submits), of the code the document states, all together within the per-document limit.
 * An id that is not an SM3 hash refers to a document kept elsewhere (E-Port's store) and is not checked here.
 */
@Service
@EnableConfigurationProperties(AttachmentProperties.class)
public class Attachments {

    private static final String ITEMS = "electronicDocuments";

    private final AttachmentFiles files;
    private final AttachmentMapper attachments;
    private final AttachmentProperties properties;
    private final Clock clock;
    private final AttachmentTravel travel;

    public Attachments(AttachmentFiles files, AttachmentMapper attachments, AttachmentProperties properties,
                       Clock clock, AttachmentTravel travel) {
        this.travel = travel;
        this.files = files;
        this.attachments = attachments;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an upload brought: the attachment, and whether this upload created it. */
    public record Uploaded(AttachmentRow attachment, boolean created) {
    }

    /**
     * Takes one upload of {@code owner}'s, streamed from {@code body}; a new one is recorded with its transfer to
     * central to come ({@link AttachmentTravel#recordUpload}).
     *
     * @throws Refusal 400 naming the field (code, name, content), 413 over the limit, 415 for another type
     */
    public Uploaded upload(String owner, String actor, String code, String name, String mediaType, InputStream body)
            throws IOException {
        FieldChecks checks = new FieldChecks();
        checks.expect(code != null && CodeList.ATTACHMENT_CODES.contains(code), "$.code", "UNKNOWN_CODE",
                "随附单据代码不在代码表中（edoc-codes.txt）", "not a known attachment code (edoc-codes.txt)");
        checks.expect(name != null && cleanName(name), "$.name", "BAD_FILE_NAME",
                "文件名须为 1 至 255 个字符，不含路径或控制字符", "1 to 255 characters without path parts or control characters");
        checks.done();
        if (mediaType == null || !FileCheck.TYPES.containsKey(mediaType)) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Type not accepted",
                    "不接受此文件类型", "attachments are " + String.join(", ", FileCheck.TYPES.keySet().stream()
                    .sorted().toList()), "随附单证只接受 PDF、JPEG、PNG、OFD 和 XML");
        }
        AttachmentFiles.Received received = files.receive(body, properties.maxFileSize().toBytes());
        try {
            FileCheck.check(received.file(), mediaType);
        } catch (RuntimeException | IOException e) {
            files.discard(received);
            throw e;
        }
        AttachmentRow existing = attachments.find(received.sm3(), owner);
        files.keep(received);
        if (existing != null) {
            return new Uploaded(existing, false);
        }
        AttachmentRow row = new AttachmentRow(received.sm3(), owner, code, name, mediaType, received.size(), actor,
                clock.instant(), true);
        try {
            travel.recordUpload(row);
        } catch (org.springframework.dao.DuplicateKeyException race) {
            return new Uploaded(attachments.find(received.sm3(), owner), false);
        }
        return new Uploaded(row, true);
    }

    /**
     * The problems with the attachments a document names (none when it names none): each must be an upload of one
     * of {@code owners} with the stated code; together within the per-document limit.
     */
    public List<Violation> check(JsonNode document, Set<String> owners) {
        List<Violation> problems = new ArrayList<>();
        long total = 0;
        JsonNode items = document.path("data").path(ITEMS);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "$.data." + ITEMS + "[" + i + "]";
            if (!isFileHere(item)) {
                continue;
            }
            AttachmentRow row = find(item.path("id").asString(""), owners);
            if (row == null) {
                problems.add(new Violation(path + ".id", "ATTACHMENT_UNKNOWN", "未找到此随附单证（应为已上传文件的 SM3）",
                        "no such upload of yours (the id is the uploaded file's SM3 hash)"));
                continue;
            }
            if (!row.code().equals(item.path("code").asString(""))) {
                problems.add(new Violation(path + ".code", "ATTACHMENT_CODE_MISMATCH", "与上传时的单据代码 "
                        + row.code() + " 不一致", "the file was uploaded as " + row.code()));
            }
            total += row.size();
        }
        if (total > properties.maxPerDocument().toBytes()) {
            problems.add(new Violation("$.data." + ITEMS, "ATTACHMENTS_TOO_LARGE", "随附单证合计超过 "
                    + properties.maxPerDocument().toBytes() + " 字节", "together over "
                    + properties.maxPerDocument().toBytes() + " bytes (sw.attachments.max-per-document)"));
        }
        return problems;
    }

    /** Links the attachments a document (version) names to it, in the caller's transaction; returns them. */
    public List<AttachmentRow> link(String declarationId, JsonNode document, int version, Set<String> owners) {
        List<AttachmentRow> linked = new ArrayList<>();
        for (JsonNode item : document.path("data").path(ITEMS)) {
            AttachmentRow row = find(item.path("id").asString(""), owners);
            if (row != null && attachments.linked(declarationId, row.sm3()) == 0) {
                attachments.link(declarationId, row.sm3(), row.owner(), version);
                linked.add(row);
            }
        }
        return linked;
    }

    /**
     * Whether an {@code electronicDocuments} item names a file uploaded to this window: its id is an SM3 hash (64
     * lowercase hex digits). Any other id is a reference to a document kept elsewhere (E-Port's own store, as a real
     * DecMessage's EdocID is), passed on as data.
     */
    static boolean isFileHere(JsonNode item) {
        return item.path("id").asString("").matches("[0-9a-f]{64}");
    }

    /** One of {@code owner}'s uploads; null when it has none with that id. */
    public AttachmentRow own(String sm3, String owner) {
        return owner == null || !sm3.matches("[0-9a-f]{64}") ? null : attachments.find(sm3, owner);
    }

    private AttachmentRow find(String sm3, Set<String> owners) {
        for (String owner : owners) {
            AttachmentRow row = owner == null ? null : attachments.find(sm3, owner);
            if (row != null && row.complete()) {
                return row;
            }
        }
        return null;
    }

    static boolean cleanName(String name) {
        if (name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':');
    }
}
