/**
 * Query and statistics (查询统计): counts of declarations by status, document type and agency outcome, and clearance
 * times (submission to final status, overall and per agency, per day, p50 and p90) over the declarations a search
 * selects, at {@code GET /api/v1/statistics}; the same search exported as CSV at
 * {@code GET /api/v1/declarations/export}. What a caller sees is scoped as the declaration list is: central operators
 * every declaration at central (the national view), a province's operators every one at their node, declarants and
 * brokers their own. The figures are computed by the pure {@link org.singlewindow.node.statistics.Statistics}.
 */
package org.singlewindow.node.statistics;
