package org.singlewindow.partnerwindow;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** multipart/related by hand: enough for SOAP with attachments (binary parts, CRLF line ends). */
final class Mime {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private Mime() {
    }

    /** A part: its headers (names lower-case) and body. */
    record Part(Map<String, String> headers, byte[] body) {
        String contentId() {
            String id = headers.get("content-id");
            return id == null ? null : id.replaceAll("^<|>$", "").trim();
        }
    }

    /** A body and the Content-Type that goes with it. */
    record Written(String contentType, byte[] body) {
    }

    static Written write(byte[] soap, String contentId, byte[] attachment) {
        String boundary = "partner-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePart(out, boundary, "application/soap+xml; charset=UTF-8", "soap@partner", soap);
        writePart(out, boundary, "application/octet-stream", contentId, attachment);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Written("multipart/related; boundary=\"" + boundary + "\"; type=\"application/soap+xml\"; "
                + "start=\"<soap@partner>\"", out.toByteArray());
    }

    private static void writePart(ByteArrayOutputStream out, String boundary, String type, String id, byte[] body) {
        out.writeBytes(("--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <" + id + ">\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The parts of a multipart body (the first is the SOAP envelope). */
    static List<Part> read(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("no boundary in " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2;
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                throw new IllegalArgumentException("unterminated multipart");
            }
            int end = next - 2;
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : new String(body, start, headerEnd - start, StandardCharsets.US_ASCII).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            byte[] partBody = new byte[end - (headerEnd + 4)];
            System.arraycopy(body, headerEnd + 4, partBody, 0, partBody.length);
            parts.add(new Part(headers, partBody));
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
