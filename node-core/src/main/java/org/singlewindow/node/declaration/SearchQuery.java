package org.singlewindow.node.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.node.refusal.Refusal;

/**
 * The search parameters of the declaration list, the statistics and the export, as the query string gives them
 * ({@code type}, {@code status}, {@code agency}, {@code from}, {@code to}, {@code reference}, {@code hsCode}).
 * {@link #filter()} checks each and names the one that is wrong (400 {@code BAD_PARAMETER}).
 */
public record SearchQuery(String type, String status, String agency, String from, String to, String reference,
                          String hsCode) {

    /** China Standard Time: the day boundary of searches and of daily figures. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern HS_CODE = Pattern.compile("\\d{2,10}");

    /** The criteria, checked; dates are China's days ({@code to} includes its whole day). */
    public DeclarationFilter filter() {
        return new DeclarationFilter(null, oneOf("type", type, DocumentType.class),
                oneOf("status", status, OverallStatus.class), oneOf("agency", agency, AgencyCode.class),
                instant("from", from, false), instant("to", to, true), checkedReference(), checkedHsCode());
    }

    private String checkedReference() {
        if (blank(reference)) {
            return null;
        }
        if (reference.length() > 64) {
            throw bad("reference", "at most 64 characters", "不超过 64 个字符");
        }
        return reference;
    }

    private String checkedHsCode() {
        if (blank(hsCode)) {
            return null;
        }
        if (!HS_CODE.matcher(hsCode).matches()) {
            throw bad("hsCode", "2 to 10 digits (a chapter, a heading or a full HS code)",
                    "2 至 10 位数字（章、品目或完整 HS 编码）");
        }
        return hsCode;
    }

    private static <E extends Enum<E>> String oneOf(String name, String value, Class<E> values) {
        if (blank(value)) {
            return null;
        }
        String all = String.join(", ", Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
        try {
            return Enum.valueOf(values, value).name();
        } catch (IllegalArgumentException e) {
            throw bad(name, "one of " + all, all + " 之一");
        }
    }

    /** An ISO-8601 instant, or a date (start of that day; for {@code to}, start of the next day). */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(name, "an ISO-8601 date (2026-11-27) or instant (2026-11-27T08:00:00Z)",
                    "ISO-8601 日期（2026-11-27）或时间（2026-11-27T08:00:00Z）");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Refusal bad(String name, String en, String zh) {
        return new Refusal(Refusal.Kind.INVALID, "BAD_PARAMETER", "Bad parameter", "参数错误",
                "parameter '" + name + "' must be " + en, "参数 " + name + " 应为" + zh);
    }
}
