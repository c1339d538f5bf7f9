package org.singlewindow.node.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.singlewindow.node.declaration.DeclarationRow;

/** The export is RFC 4180 CSV a spreadsheet opens safely. */
class CsvTest {

    @Test
    void cells_should_be_quoted_when_needed_and_never_start_a_formula() {
        assertThat(Csv.cell("R-1")).isEqualTo("R-1");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void the_export_should_have_a_bom_a_header_and_one_line_per_declaration() {
        Instant t = Instant.parse("2026-12-03T08:00:00Z");
        String csv = Csv.declarations(List.of(new DeclarationRow("d-1", "GOODS_DECLARATION", "91310115MA1H7G0X0M",
                "报关-1", "h", "310000", "COMPLETED", null, t, t, null, null)));
        assertThat(csv).startsWith("\uFEFF" + Csv.HEADER + "\r\n").endsWith("\r\n");
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("d-1,GOODS_DECLARATION,报关-1,91310115MA1H7G0X0M,,310000,COMPLETED,"
                + "2026-12-03T08:00:00Z,2026-12-03T08:00:00Z");
    }
}
