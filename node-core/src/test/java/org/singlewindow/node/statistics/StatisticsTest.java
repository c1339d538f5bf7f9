package org.singlewindow.node.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Counts and clearance times of a search, computed from declaration × agency rows. */
class StatisticsTest {

    /** 2026-12-02T16:00Z is midnight of 2026-12-03 in China. */
    private static final Instant DAY_1 = Instant.parse("2026-12-02T16:00:00Z");
    private static final Instant DAY_2 = DAY_1.plusSeconds(86_400);

    private static StatisticsRow row(String id, String status, Instant created, long finalAfter, String agency,
                                     String agencyStatus, long agencyAfter) {
        return new StatisticsRow(id, "GOODS_DECLARATION", status, created, created.plusSeconds(finalAfter), agency,
                agencyStatus, agency == null ? null : created.plusSeconds(agencyAfter));
    }

    @Test
    void each_declaration_should_count_once_whatever_its_agencies() {
        Statistics.Report report = Statistics.of(List.of(
                row("d-1", "COMPLETED", DAY_1, 100, "GACC", "RELEASED", 90),
                row("d-1", "COMPLETED", DAY_1, 100, "MOFCOM", "VERIFIED", 100),
                row("d-2", "PROCESSING", DAY_1.plusSeconds(10), 5, "GACC", "ACCEPTED", 5),
                row("d-3", "RECEIVED", DAY_2, 0, null, null, 0)), false);
        assertThat(report.declarations()).isEqualTo(3);
        assertThat(report.byStatus()).isEqualTo(Map.of("COMPLETED", 1, "PROCESSING", 1, "RECEIVED", 1));
        assertThat(report.byType()).isEqualTo(Map.of("GOODS_DECLARATION", 3));
        assertThat(report.byAgency().get("GACC").byStatus()).isEqualTo(Map.of("RELEASED", 1, "ACCEPTED", 1));
        assertThat(report.byAgency().get("GACC").clearance()).isEqualTo(new Statistics.Clearance(1, 90L, 90L));
        assertThat(report.clearance()).as("only final declarations have a clearance time")
                .isEqualTo(new Statistics.Clearance(1, 100L, 100L));
        assertThat(report.byDay()).containsExactly(
                new Statistics.Day(LocalDate.parse("2026-12-03"), 2, new Statistics.Clearance(1, 100L, 100L)),
                new Statistics.Day(LocalDate.parse("2026-12-04"), 1, new Statistics.Clearance(0, null, null)));
    }

    @Test
    void each_agency_should_have_its_clearance_per_day_of_submission() {
        Statistics.Report report = Statistics.of(List.of(
                row("d-1", "COMPLETED", DAY_1, 100, "GACC", "RELEASED", 90),
                row("d-2", "COMPLETED", DAY_1.plusSeconds(60), 400, "GACC", "RELEASED", 300),
                row("d-3", "PROCESSING", DAY_2, 5, "GACC", "ACCEPTED", 5),
                row("d-3", "PROCESSING", DAY_2, 5, "MOFCOM", "VERIFIED", 30)), false);
        assertThat(report.byAgency().get("GACC").byDay()).containsExactly(
                new Statistics.Day(LocalDate.parse("2026-12-03"), 2, new Statistics.Clearance(2, 90L, 300L)),
                new Statistics.Day(LocalDate.parse("2026-12-04"), 1, new Statistics.Clearance(0, null, null)));
        assertThat(report.byAgency().get("MOFCOM").byDay()).as("an agency final before the declaration counts")
                .containsExactly(new Statistics.Day(LocalDate.parse("2026-12-04"), 1,
                        new Statistics.Clearance(1, 30L, 30L)));
    }

    @Test
    void percentiles_should_be_nearest_rank() {
        List<StatisticsRow> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(row("d-" + i, i == 10 ? "REJECTED" : "COMPLETED", DAY_1, i * 60L, "GACC",
                    i == 10 ? "REJECTED" : "RELEASED", i * 60L));
        }
        Statistics.Report report = Statistics.of(rows, true);
        assertThat(report.truncated()).isTrue();
        assertThat(report.clearance()).isEqualTo(new Statistics.Clearance(10, 300L, 540L));
        assertThat(report.byStatus()).containsEntry("REJECTED", 1);
        assertThat(Statistics.percentile(List.of(7L), 90)).isEqualTo(7L);
        assertThat(Statistics.percentile(List.of(), 50)).isNull();
    }
}
