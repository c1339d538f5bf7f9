package org.singlewindow.node.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.OverallStatus;
import org.singlewindow.node.declaration.SearchQuery;

/**
 * The figures of one search, pure: counts by overall status and document type, each agency's outcomes, and
 * clearance times in seconds. A declaration's clearance is from its submission to its final overall status
 * (COMPLETED or REJECTED); an agency's, from the submission to that agency's final status. Days are China's
 * (UTC+8), by submission. Percentiles are nearest-rank.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Clearance times of a group: how many finished, and the 50th and 90th percentiles in seconds. */
    public record Clearance(int count, Long p50Seconds, Long p90Seconds) {

        static Clearance of(List<Long> seconds) {
            List<Long> sorted = seconds.stream().sorted().toList();
            return new Clearance(sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
        }
    }

    /**
     * An agency's outcomes: declarations routed to it, by the agency's status, and its clearance times, overall and
     * per day of submission.
     */
    public record AgencyFigures(Map<String, Integer> byStatus, Clearance clearance, List<Day> byDay) {
    }

    /** The figures of one day (by submission): how many were submitted (to the agency, in an agency's figures). */
    public record Day(LocalDate day, int submitted, Clearance clearance) {

        static List<Day> of(Map<LocalDate, List<Long>> submitted, Map<LocalDate, Integer> counts) {
            List<Day> days = new ArrayList<>();
            counts.forEach((day, count) -> days.add(new Day(day, count,
                    Clearance.of(submitted.getOrDefault(day, List.of())))));
            return days;
        }
    }

    /**
     * @param declarations how many declarations the search selected
     * @param truncated    whether the search selected more rows than were read (the figures cover the oldest ones)
     */
    public record Report(int declarations, boolean truncated, Map<String, Integer> byStatus,
                         Map<String, Integer> byType, Map<String, AgencyFigures> byAgency, Clearance clearance,
                         List<Day> byDay) {
    }

    /** The figures of {@code rows} (one per declaration and agency, as {@link StatisticsMapper#rows} reads them). */
    public static Report of(List<StatisticsRow> rows, boolean truncated) {
        Map<String, StatisticsRow> declarations = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> agencyStatuses = new TreeMap<>();
        Map<String, List<Long>> agencySeconds = new TreeMap<>();
        Map<String, Map<LocalDate, List<Long>>> agencyDaySeconds = new TreeMap<>();
        Map<String, Map<LocalDate, Integer>> agencyDayCounts = new TreeMap<>();
        for (StatisticsRow row : rows) {
            declarations.putIfAbsent(row.id(), row);
            if (row.agency() == null) {
                continue;
            }
            LocalDate day = day(row);
            agencyStatuses.computeIfAbsent(row.agency(), a -> new TreeMap<>()).merge(row.agencyStatus(), 1,
                    Integer::sum);
            agencyDayCounts.computeIfAbsent(row.agency(), a -> new TreeMap<>()).merge(day, 1, Integer::sum);
            List<Long> seconds = agencySeconds.computeIfAbsent(row.agency(), a -> new ArrayList<>());
            if (AgencyStatus.valueOf(row.agencyStatus()).isFinal() && row.agencyUpdatedAt() != null) {
                long took = Duration.between(row.createdAt(), row.agencyUpdatedAt()).toSeconds();
                seconds.add(took);
                agencyDaySeconds.computeIfAbsent(row.agency(), a -> new TreeMap<>())
                        .computeIfAbsent(day, d -> new ArrayList<>()).add(took);
            }
        }
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        Map<LocalDate, List<Long>> daySeconds = new TreeMap<>();
        Map<LocalDate, Integer> dayCounts = new TreeMap<>();
        for (StatisticsRow d : declarations.values()) {
            LocalDate day = day(d);
            byStatus.merge(d.status(), 1, Integer::sum);
            byType.merge(d.documentType(), 1, Integer::sum);
            dayCounts.merge(day, 1, Integer::sum);
            clearance(d).ifPresent(took -> {
                all.add(took);
                daySeconds.computeIfAbsent(day, k -> new ArrayList<>()).add(took);
            });
        }
        Map<String, AgencyFigures> byAgency = new TreeMap<>();
        agencyStatuses.forEach((agency, statuses) -> byAgency.put(agency, new AgencyFigures(statuses,
                Clearance.of(agencySeconds.get(agency)),
                Day.of(agencyDaySeconds.getOrDefault(agency, Map.of()), agencyDayCounts.get(agency)))));
        return new Report(declarations.size(), truncated, byStatus, byType, byAgency, Clearance.of(all),
                Day.of(daySeconds, dayCounts));
    }

    /** The China day of a submission. */
    private static LocalDate day(StatisticsRow row) {
        return LocalDate.ofInstant(row.createdAt(), SearchQuery.CHINA);
    }

    private static Optional<Long> clearance(StatisticsRow declaration) {
        return OverallStatus.valueOf(declaration.status()).isFinal()
                ? Optional.of(Duration.between(declaration.createdAt(), declaration.updatedAt()).toSeconds())
                : Optional.empty();
    }

    /** The nearest-rank percentile of sorted values; null when there are none. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
