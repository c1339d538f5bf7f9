package org.singlewindow.contracts.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.singlewindow.contracts.json.Json;

/** The JSON text of a bilingual problem; {@code more} adds members such as {@code errors}. */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    /** The {@code type} URI of a problem code: {@code BAD_PATH} → {@code urn:singlewindow:problem:bad-path}. */
    public static String type(String code) {
        return "urn:singlewindow:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String write(int status, String code, String title, String titleZh, String detail, String detailZh,
                               Map<String, ?> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(code));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        body.put("titleZh", titleZh);
        body.put("detailZh", detailZh);
        body.putAll(more);
        return Json.MAPPER.writeValueAsString(body);
    }
}
