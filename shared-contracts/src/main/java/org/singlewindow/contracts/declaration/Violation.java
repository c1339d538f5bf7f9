package org.singlewindow.contracts.declaration;

/**
 * One problem with one field of a submitted document.
 *
 * @param path      JSON path of the offending field, e.g. {@code $.data.items[0].hsCode}
 * @param code      stable machine-readable code, e.g. {@code REQUIRED}, {@code FORMAT}, {@code CHECK_CHARACTER}
 * @param messageZh explanation in Chinese
 * @param messageEn explanation in English
 */
public record Violation(String path, String code, String messageZh, String messageEn) {
}
