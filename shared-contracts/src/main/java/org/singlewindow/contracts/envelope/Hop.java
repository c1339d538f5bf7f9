package org.singlewindow.contracts.envelope;

import java.time.Instant;

/**
 * One step of an envelope's journey.
 *
 * @param node   code of the node that took the step ({@code central}, or a province code such as {@code 310000})
 * @param action what it did, e.g. {@code ACCEPTED}, {@code FORWARDED}, {@code ROUTED}
 * @param at     when
 */
public record Hop(String node, String action, Instant at) {
}
