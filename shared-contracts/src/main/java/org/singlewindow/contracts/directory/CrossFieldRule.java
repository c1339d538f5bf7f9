package org.singlewindow.contracts.directory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A rule over several fields of one document, declared in the document's directory file. Each rule looks only
 * at values that passed their own field checks, so one mistake is reported once. Paths are dotted, with
 * {@code []} stepping into arrays.
 */
public sealed interface CrossFieldRule {

    /** Where a rule reports. */
    interface Report {
        /** Whether the field at this concrete path already has a violation. */
        boolean failed(String path);

        void add(String path, String code, String zh, String en);
    }

    void check(JsonNode root, Report report);

    /** Dotted paths the rule reads (checked against the definition when the directory loads). */
    List<String> paths();

    /** In each element of {@code each}: {@code result} = product of {@code factors}, rounded to {@code scale}. */
    record Product(String each, String result, List<String> factors, int scale) implements CrossFieldRule {
        @Override
        public void check(JsonNode root, Report report) {
            for (Located item : Located.select(root, each)) {
                JsonNode total = item.node().get(result);
                String totalPath = item.path() + "." + result;
                if (total == null || !total.isNumber() || report.failed(totalPath)) {
                    continue;
                }
                BigDecimal expected = BigDecimal.ONE;
                for (String factor : factors) {
                    JsonNode f = item.node().get(factor);
                    if (f == null || !f.isNumber() || report.failed(item.path() + "." + factor)) {
                        expected = null;
                        break;
                    }
                    expected = expected.multiply(f.decimalValue());
                }
                if (expected == null) {
                    continue;
                }
                expected = expected.setScale(scale, RoundingMode.HALF_UP);
                if (expected.compareTo(total.decimalValue()) != 0) {
                    String ex = expected.toPlainString();
                    report.add(totalPath, "TOTAL_MISMATCH", "应等于 " + String.join("×", factors) + "（" + ex + "）",
                            "must equal " + String.join(" × ", factors) + " (" + ex + ")");
                }
            }
        }

        @Override
        public List<String> paths() {
            return List.of(each + "." + result);
        }
    }

    /** {@code total} = sum of every value {@code of} reaches. */
    record Sum(String total, String of) implements CrossFieldRule {
        @Override
        public void check(JsonNode root, Report report) {
            List<Located> totals = Located.select(root, total);
            BigDecimal sum = sum(root, of, report);
            if (totals.size() != 1 || !totals.get(0).node().isNumber() || report.failed(totals.get(0).path())
                    || sum == null) {
                return;
            }
            if (sum.compareTo(totals.get(0).node().decimalValue()) != 0) {
                report.add(totals.get(0).path(), "TOTAL_MISMATCH", "应等于 " + of + " 之和（" + sum.toPlainString() + "）",
                        "must equal the sum of " + of + " (" + sum.toPlainString() + ")");
            }
        }

        @Override
        public List<String> paths() {
            return List.of(total, of);
        }
    }

    /** {@code value} ≤ {@code limit}, or the sum of the values {@code limit} reaches when it steps into arrays. */
    record NotGreater(String value, String limit) implements CrossFieldRule {
        @Override
        public void check(JsonNode root, Report report) {
            BigDecimal max = Located.select(root, limit).isEmpty() ? null : sum(root, limit, report);
            if (max == null) {
                return;
            }
            for (Located v : Located.select(root, value)) {
                if (v.node().isNumber() && !report.failed(v.path()) && v.node().decimalValue().compareTo(max) > 0) {
                    report.add(v.path(), "EXCEEDS", "不得大于 " + limit + "（" + max.toPlainString() + "）",
                            "must not exceed " + limit + " (" + max.toPlainString() + ")");
                }
            }
        }

        @Override
        public List<String> paths() {
            return List.of(value, limit);
        }
    }

    /**
     * The sum of the numbers a path reaches, or {@code null} when one of them (or the array holding them) failed
     * its own checks, so that a rule never reports on top of a field error.
     */
    private static BigDecimal sum(JsonNode root, String path, Report report) {
        if (report.failed(container(path))) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Located part : Located.select(root, path)) {
            if (!part.node().isNumber() || report.failed(part.path())) {
                return null;
            }
            sum = sum.add(part.node().decimalValue());
        }
        return sum;
    }

    /** Date or date-time {@code value} is not before {@code earliest}. */
    record NotBefore(String value, String earliest) implements CrossFieldRule {
        @Override
        public void check(JsonNode root, Report report) {
            List<Located> a = Located.select(root, value);
            List<Located> b = Located.select(root, earliest);
            if (a.size() != 1 || b.size() != 1 || report.failed(a.get(0).path()) || report.failed(b.get(0).path())) {
                return;
            }
            Comparable<Object> later = instant(a.get(0).node());
            Comparable<Object> before = instant(b.get(0).node());
            if (later != null && before != null && later.getClass() == before.getClass()
                    && later.compareTo(before) < 0) {
                report.add(a.get(0).path(), "DATE_ORDER", "不得早于 " + earliest, "must not be before " + earliest);
            }
        }

        @SuppressWarnings("unchecked")
        private static Comparable<Object> instant(JsonNode node) {
            if (!node.isString()) {
                return null;
            }
            try {
                String s = node.asString();
                return (Comparable<Object>) (Comparable<?>) (s.length() == 10 ? LocalDate.parse(s)
                        : OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public List<String> paths() {
            return List.of(value, earliest);
        }
    }

    /**
     * Conditions on {@code field} when the value at {@code whenPath} is one of {@code whenValues}: {@code REQUIRED}
     * makes it required, {@code FORBIDDEN} forbids it, {@code ONE_OF} restricts it to {@code values}.
     */
    record When(String whenPath, List<String> whenValues, String field, Kind kind, List<String> values)
            implements CrossFieldRule {

        /** What the rule demands. */
        public enum Kind { REQUIRED, FORBIDDEN, ONE_OF }

        @Override
        public void check(JsonNode root, Report report) {
            List<Located> conditions = Located.select(root, whenPath);
            boolean applies = conditions.size() == 1 && conditions.get(0).node().isString()
                    && whenValues.contains(conditions.get(0).node().asString());
            if (!applies) {
                return;
            }
            String condition = whenPath + " = " + conditions.get(0).node().asString();
            List<Located> targets = Located.select(root, field);
            switch (kind) {
                case REQUIRED -> {
                    int dot = field.lastIndexOf('.');
                    String name = field.substring(dot + 1);
                    for (Located parent : Located.select(root, field.substring(0, dot))) {
                        JsonNode value = parent.node().get(name);
                        if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
                            report.add(parent.path() + "." + name, "REQUIRED", "当 " + condition + " 时必填",
                                    "required when " + condition);
                        }
                    }
                }
                case FORBIDDEN -> targets.forEach(t -> report.add(t.path(), "NOT_ALLOWED",
                        "当 " + condition + " 时不得填写", "must be absent when " + condition));
                case ONE_OF -> targets.stream()
                        .filter(t -> t.node().isString() && !report.failed(t.path())
                                && !values.contains(t.node().asString()))
                        .forEach(t -> report.add(t.path(), "NOT_ALLOWED",
                                "当 " + condition + " 时只能是 " + String.join("、", values),
                                "must be one of " + String.join(", ", values) + " when " + condition));
            }
        }

        @Override
        public List<String> paths() {
            return List.of(whenPath, field);
        }
    }

    /** The concrete path of the array a {@code []} path first steps into ({@code $.data.bills}), or of the path. */
    private static String container(String path) {
        int each = path.indexOf("[]");
        return "$." + (each < 0 ? path : path.substring(0, each));
    }

    /** Builds a rule from its YAML map; throws {@link IllegalArgumentException} naming what is wrong. */
    @SuppressWarnings("unchecked")
    static CrossFieldRule parse(Map<String, Object> raw) {
        String kind = String.valueOf(raw.get("rule"));
        return switch (kind) {
            case "product" -> new Product(text(raw, "each"), text(raw, "result"), (List<String>) list(raw, "of"),
                    ((Number) raw.getOrDefault("scale", 2)).intValue());
            case "sum" -> new Sum(text(raw, "total"), text(raw, "of"));
            case "notGreater" -> new NotGreater(text(raw, "value"), text(raw, "limit"));
            case "notBefore" -> new NotBefore(text(raw, "value"), text(raw, "earliest"));
            case "requiredWhen", "forbiddenWhen", "oneOfWhen" -> {
                if (!(raw.get("when") instanceof Map<?, ?> when) || when.size() != 1) {
                    throw new IllegalArgumentException(kind + ": 'when' must be {path: value or [values]}");
                }
                Map.Entry<?, ?> w = when.entrySet().iterator().next();
                List<String> whenValues = w.getValue() instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(w.getValue()));
                When.Kind k = kind.equals("requiredWhen") ? When.Kind.REQUIRED
                        : kind.equals("forbiddenWhen") ? When.Kind.FORBIDDEN : When.Kind.ONE_OF;
                List<String> values = k == When.Kind.ONE_OF
                        ? ((List<Object>) list(raw, "values")).stream().map(String::valueOf).toList() : List.of();
                yield new When(String.valueOf(w.getKey()), whenValues, text(raw, "field"), k, values);
            }
            default -> throw new IllegalArgumentException("unknown rule '" + kind
                    + "' (product, sum, notGreater, notBefore, requiredWhen, forbiddenWhen, oneOfWhen)");
        };
    }

    private static String text(Map<String, Object> raw, String key) {
        if (!(raw.get(key) instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(raw.get("rule") + ": '" + key + "' is required");
        }
        return s;
    }

    private static List<?> list(Map<String, Object> raw, String key) {
        if (!(raw.get(key) instanceof List<?> l) || l.isEmpty()) {
            throw new IllegalArgumentException(raw.get("rule") + ": '" + key + "' must be a non-empty list");
        }
        return l;
    }
}
