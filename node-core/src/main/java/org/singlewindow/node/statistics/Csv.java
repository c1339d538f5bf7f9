package org.singlewindow.node.statistics;

import java.util.List;

import org.singlewindow.node.declaration.DeclarationRow;

/**
 * Declarations as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Chinese): metadata only.
 * A cell that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return) is prefixed with
 * {@code '} (CSV injection).
 */
final class Csv {

    static final String HEADER = "id,documentType,clientReference,declarantUscc,submittedBy,originProvince,status,"
            + "createdAt,updatedAt";

    private Csv() {
    }

    static String declarations(List<DeclarationRow> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (DeclarationRow row : rows) {
            csv.append(String.join(",", cell(row.id()), cell(row.documentType()), cell(row.clientReference()),
                    cell(row.declarantUscc()), cell(row.submittedBy()), cell(row.originProvince()),
                    cell(row.status()), cell(String.valueOf(row.createdAt())), cell(String.valueOf(row.updatedAt()))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
