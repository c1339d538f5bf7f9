package org.singlewindow.contracts.declaration;

/**
 * One problem with one field of a submitted document.
 *
 * @param path      JSON path of the offending field, e.g. {@code $.data.items[0].hsCode}
 * @param code      stable machine-readable code, e.g. {@code REQUIRED}, {@code FORMAT}, {@code CHECK_CHARACTER}
 * @param messageZh explanation in Chinese
 * @param messageEn explanation in English
 * @param elementId the data element directory entry the field carries, or {@code null} (e.g. an unknown field)
 */
public record Violation(String path, String code, String messageZh, String messageEn, String elementId) {

    public Violation(String path, String code, String messageZh, String messageEn) {
        this(path, code, messageZh, messageEn, null);
    }
}
