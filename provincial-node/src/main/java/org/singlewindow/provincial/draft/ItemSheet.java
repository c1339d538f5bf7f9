package org.singlewindow.provincial.draft;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.singlewindow.node.refusal.Refusal;

/**
 * A table of goods items as a trader keeps it: CSV (UTF-8, a BOM allowed, read by Apache Commons CSV) or the first
 * sheet of an XLSX workbook (read by Apache POI). The first row names the columns. Cells are read as text, never
 * evaluated: a formula is marked as one (and refused by the import), a number is written as Excel shows it
 * unformatted, a date as {@code YYYY-MM-DD}. At most {@code maxRows} rows after the header.
 */
record ItemSheet(List<String> header, List<Line> lines) {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One row of the file: its number as the file shows it (the header is row 1), and its cells. */
    record Line(int number, List<Value> cells) {
    }

    /** One cell: its text, whether it held a formula, and its column as the file names it (A, B, ...). */
    record Value(String text, boolean formula, String column) {
    }

    static ItemSheet read(String mediaType, byte[] body, int maxRows) {
        try {
            return XLSX.equals(mediaType) ? xlsx(body, maxRows) : csv(body, maxRows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw new Refusal(Refusal.Kind.INVALID, "UNREADABLE_FILE", "File not readable", "文件无法读取",
                    "the file is not a readable " + (XLSX.equals(mediaType) ? "XLSX workbook" : "UTF-8 CSV table"),
                    "文件不是可读取的" + (XLSX.equals(mediaType) ? " XLSX 工作簿" : " UTF-8 CSV 表格"));
        }
    }

    private static ItemSheet csv(byte[] body, int maxRows) throws IOException {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<Value> cells = new ArrayList<>();
                for (int i = 0; i < record.size(); i++) {
                    cells.add(new Value(record.get(i), false, CellReference.convertNumToColString(i)));
                }
                if (header == null) {
                    header = cells.stream().map(v -> v.text().replace("\uFEFF", "").trim()).toList();
                } else {
                    add(lines, new Line((int) record.getRecordNumber(), cells), maxRows);
                }
            }
            return new ItemSheet(header == null ? List.of() : header, lines);
        }
    }

    private static ItemSheet xlsx(byte[] body, int maxRows) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<Value> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    cells.add(value(row.getCell(i), i));
                }
                if (row.getRowNum() == sheet.getFirstRowNum()) {
                    cells.forEach(c -> header.add(c.text().trim()));
                } else {
                    add(lines, new Line(row.getRowNum() + 1, cells), maxRows);
                }
            }
            return new ItemSheet(header, lines);
        }
    }

    private static Value value(Cell cell, int index) {
        String column = CellReference.convertNumToColString(index);
        if (cell == null) {
            return new Value("", false, column);
        }
        return switch (cell.getCellType()) {
            case FORMULA -> new Value(cell.getCellFormula(), true, column);
            case NUMERIC -> new Value(DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : NumberToTextConverter.toText(cell.getNumericCellValue()), false, column);
            case BOOLEAN -> new Value(String.valueOf(cell.getBooleanCellValue()), false, column);
            case STRING -> new Value(cell.getStringCellValue(), false, column);
            default -> new Value("", false, column);
        };
    }

    /** Keeps a line unless it is empty; refuses the file beyond {@code maxRows} lines. */
    private static void add(List<Line> lines, Line line, int maxRows) {
        if (line.cells().stream().allMatch(v -> v.text().isBlank())) {
            return;
        }
        if (lines.size() == maxRows) {
            throw new Refusal(Refusal.Kind.INVALID, "TOO_MANY_ROWS", "Too many rows", "行数过多",
                    "the table has more than " + maxRows + " item rows", "表格的货物行超过 " + maxRows + " 行");
        }
        lines.add(line);
    }
}
