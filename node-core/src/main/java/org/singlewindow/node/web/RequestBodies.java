package org.singlewindow.node.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads request bodies (raw, or as JSON) with a size limit, refusing oversized, empty and malformed bodies with problem details. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static JsonNode read(HttpServletRequest request, DataSize limit) throws IOException {
        String charset = request.getCharacterEncoding();
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_CHARSET", "Unsupported charset",
                    "不支持的字符集", "JSON must be UTF-8 (RFC 8259), not " + charset, "JSON 必须使用 UTF-8 编码（RFC 8259）");
        }
        byte[] body = bytes(request, limit);
        if (notUtf8(body)) {
            throw new Refusal(Refusal.Kind.INVALID, "NOT_UTF8", "Body is not UTF-8", "请求体不是 UTF-8 编码",
                    "JSON must be UTF-8 without a byte order mark (RFC 8259); this body looks like UTF-16 or UTF-32",
                    "JSON 必须使用不带 BOM 的 UTF-8 编码（RFC 8259）");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String whereZh = e.getLocation() == null ? "" : "（第 " + e.getLocation().getLineNr() + " 行第 "
                    + e.getLocation().getColumnNr() + " 列）";
            throw malformed("the body is not well-formed JSON" + where, "请求体不是格式正确的 JSON" + whereZh);
        }
    }

    /** The raw body, refused with 413 above the limit and 400 when empty, whatever its format. */
    public static byte[] bytes(HttpServletRequest request, DataSize limit) throws IOException {
        long max = limit.toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) max + 1);
        }
        if (body.length > max) {
            throw tooLarge(max);
        }
        if (body.length == 0) {
            throw new Refusal(Refusal.Kind.INVALID, "EMPTY_BODY", "Empty request body", "请求体为空",
                    "the request body is empty", "请求体为空");
        }
        return body;
    }

    /** A byte order mark or a NUL among the first bytes: UTF-16/32, or UTF-8 with a BOM. */
    private static boolean notUtf8(byte[] body) {
        if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
            return true;
        }
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static Refusal tooLarge(long max) {
        return new Refusal(Refusal.Kind.TOO_LARGE, "BODY_TOO_LARGE", "Request body too large",
                "请求体过大", "the body exceeds " + max + " bytes", "请求体超过 " + max + " 字节");
    }

    private static Refusal malformed(String en, String zh) {
        return new Refusal(Refusal.Kind.INVALID, "MALFORMED_JSON", "Malformed JSON", "JSON 格式错误", en, zh);
    }
}
