package org.singlewindow.contracts.directory;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of the data element directory (数据元目录): the single definition every document field refers to.
 *
 * @param id          stable identifier, e.g. {@code COMMODITY_CODE}; never reused for another meaning
 * @param nameZh      Chinese name
 * @param nameEn      English name
 * @param type        kind of value
 * @param format      representation for text, code and number elements ({@code null} for others)
 * @param codeList    name of the code list the value must be in, or {@code null}
 * @param values      allowed values with their labels for small enumerations, or empty
 * @param pattern     a further pattern the value must match, or {@code null}
 * @param check       the check-character scheme, or {@code null}
 * @param minimum     lower bound for numbers, or {@code null}
 * @param description what it means and how it is used
 * @param wcoId       WCO Data Model identifier, when a public source gives it ({@code null} otherwise)
 * @param untdedId    UN/TDED (ISO 7372) number, when a public source gives it ({@code null} otherwise)
 * @param source      the public source of {@code wcoId}/{@code untdedId}
 */
public record DataElement(String id, String nameZh, String nameEn, ElementType type, Format format, String codeList,
                          Map<String, String> values, Pattern pattern, CheckCharacter check, Minimum minimum,
                          String description, String wcoId, String untdedId, String source) {

    public DataElement {
        values = values == null ? Map.of() : values;
    }

    /** Kinds of element value. */
    public enum ElementType {
        /** Free text or an identifier (JSON string). */
        TEXT,
        /** A value from a code list or enumeration (JSON string). */
        CODE,
        /** A decimal number (JSON number). */
        DECIMAL,
        /** A whole number (JSON number). */
        INTEGER,
        /** A calendar date, ISO 8601 {@code YYYY-MM-DD} (JSON string). */
        DATE,
        /** A date and time with offset, RFC 3339 (JSON string). */
        DATETIME,
        /** A group of elements (JSON object, or array of objects when repeated). */
        GROUP
    }

    /** Lower bounds for numbers. */
    public enum Minimum {
        /** Greater than zero. */
        POSITIVE,
        /** Zero or more. */
        ZERO
    }
}
