package org.singlewindow.node.change;

import java.time.Instant;

/**
 * What the declaration row says about changes: its current version, the change open on it (null when none) and,
 * at a province, when it was handed to the link up to central (null: not yet).
 */
public record DeclarationChangeState(int currentVersion, String openChange, Instant handedOverAt) {
}
