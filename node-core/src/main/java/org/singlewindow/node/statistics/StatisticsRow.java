package org.singlewindow.node.statistics;

import java.time.Instant;

/**
 * One declaration with one of its agencies (or none yet), as statistics read them.
 *
 * @param agency          null when the declaration was not routed yet
 * @param agencyUpdatedAt when the agency's status last moved (for a final status: when it became final)
 */
public record StatisticsRow(String id, String documentType, String status, Instant createdAt, Instant updatedAt,
                            String agency, String agencyStatus, Instant agencyUpdatedAt) {
}
