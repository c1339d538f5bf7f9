package org.singlewindow.contracts.exchange;

import java.util.List;

/**
 * Central to the origin province: the declaration is stored and routed.
 *
 * @param agencies the agencies it was routed to, each with the rule that chose it
 */
public record DispatchNotice(List<RoutedAgency> agencies) {

    /** One agency and the rule that routed the declaration to it. */
    public record RoutedAgency(String agency, String ruleId) {
    }
}
