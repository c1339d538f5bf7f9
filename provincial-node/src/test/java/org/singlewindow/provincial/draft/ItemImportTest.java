package org.singlewindow.provincial.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.refusal.Refusal;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemImportTest {

    private static final String HEADER = "seq,hsCode,name,quantity,unit,unitPrice,totalPrice,originCountry\n";

    private final Directory directory = Directory.standard();
    private final DocumentDefinition goods = directory.document(DocumentType.GOODS_DECLARATION);

    @Test
    void a_clean_csv_should_replace_the_items_with_numbers_as_numbers() {
        ObjectNode draft = draft();
        ItemImport.Result result = ItemImport.apply(directory, goods, draft, csv(HEADER
                + "1,8471300000,便携式计算机,10,001,1200,12000,USA\n"
                + "2,8471300000,平板电脑,4,001,250.5,1002,VNM\n"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.document().get("data").get("items")).hasSize(2);
        assertThat(result.document().get("data").get("items").get(1).get("unitPrice").isNumber()).isTrue();
        assertThat(result.document().get("data").get("items").get(1).get("totalPrice").decimalValue())
                .isEqualByComparingTo("1002");
        assertThat(draft.get("data").get("items")).as("the draft given is left as it was").hasSize(2);
        assertThat(draft.get("data").get("items").get(0).get("quantity").asInt()).isEqualTo(10);
    }

    @Test
    void columns_may_be_named_by_their_data_elements_chinese_names_and_a_bom_is_allowed() {
        String zh = directory.element("COMMODITY_CODE").nameZh();
        ItemImport.Result result = ItemImport.apply(directory, goods, draft(), csv("\uFEFF" + HEADER.replace("hsCode",
                zh) + "1,8471300000,便携式计算机,10,001,1200,12000,USA\n"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.document().get("data").get("items").get(0).get("hsCode").asString()).isEqualTo("8471300000");
    }

    @Test
    void every_bad_cell_should_be_named_by_its_row_and_field_and_nothing_taken() {
        ItemImport.Result result = ItemImport.apply(directory, goods, draft(), csv(HEADER.replace("\n", ",colour\n")
                + "1,8471300000,便携式计算机,10,001,1200,12000,USA,red\n"
                + "2,84713,平板电脑,ten,001,250,1000,VNM,blue\n"));
        assertThat(result.document()).isNull();
        assertThat(result.problems()).extracting(v -> v.path() + " " + v.code())
                .contains("rows[1].colour UNKNOWN_COLUMN", "rows[3].quantity NOT_A_NUMBER");
        assertThat(result.problems().stream().filter(v -> v.path().equals("rows[3].quantity")).findFirst()
                .orElseThrow().messageEn()).contains("column D");
    }

    @Test
    void the_directorys_checks_should_come_back_by_row_once_the_cells_are_read() {
        ItemImport.Result result = ItemImport.apply(directory, goods, draft(), csv(HEADER
                + "1,8471300000,便携式计算机,10,001,1200,12000,USA\n"
                + "2,84713,平板电脑,4,001,250,999,XXX\n"));
        assertThat(result.problems()).extracting(v -> v.path())
                .contains("rows[3].hsCode", "rows[3].originCountry")
                .noneMatch(p -> p.startsWith("$.") || p.startsWith("rows[2]"));
    }

    @Test
    void an_xlsx_sheet_should_be_read_with_numbers_and_its_formulas_refused() throws IOException {
        byte[] clean = xlsx(false);
        ItemImport.Result taken = ItemImport.apply(directory, goods, draft(), ItemSheet.read(ItemSheet.XLSX, clean, 50));
        assertThat(taken.problems()).isEmpty();
        assertThat(taken.document().get("data").get("items").get(0).get("quantity").asInt()).isEqualTo(10);

        ItemImport.Result refused = ItemImport.apply(directory, goods, draft(),
                ItemSheet.read(ItemSheet.XLSX, xlsx(true), 50));
        assertThat(refused.problems()).extracting(v -> v.path() + " " + v.code())
                .containsExactly("rows[2].totalPrice FORMULA_NOT_ACCEPTED");
        assertThat(refused.problems().get(0).messageEn()).contains("column G");
    }

    @Test
    void more_rows_than_the_type_allows_or_a_file_that_is_no_table_should_be_refused() {
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 1; i <= 51; i++) {
            many.append(i).append(",8471300000,便携式计算机,1,001,1,1,USA\n");
        }
        assertThatThrownBy(() -> ItemSheet.read(ItemSheet.CSV, many.toString().getBytes(StandardCharsets.UTF_8), 50))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("TOO_MANY_ROWS"));
        assertThatThrownBy(() -> ItemSheet.read(ItemSheet.XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8), 50))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("UNREADABLE_FILE"));
    }

    private static ItemSheet csv(String text) {
        return ItemSheet.read(ItemSheet.CSV, text.getBytes(StandardCharsets.UTF_8), 50);
    }

    private static byte[] xlsx(boolean formula) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("items");
            String[] header = HEADER.trim().split(",");
            XSSFRow first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("8471300000");
            row.createCell(2).setCellValue("便携式计算机");
            row.createCell(3).setCellValue(10);
            row.createCell(4).setCellValue("001");
            row.createCell(5).setCellValue(1200);
            if (formula) {
                row.createCell(6).setCellFormula("D2*F2");
            } else {
                row.createCell(6).setCellValue(12000);
            }
            row.createCell(7).setCellValue("USA");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static ObjectNode draft() {
        try {
            return (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("..", "deploy", "local", "samples",
                    "goods-declaration.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
