package org.singlewindow.central.agency;

import org.singlewindow.contracts.change.Decision;

/** An agency's answer to a change, as its link received it (the agency's signature checked). */
public record AgencyDecision(Decision decision, String code, String message) {
}
