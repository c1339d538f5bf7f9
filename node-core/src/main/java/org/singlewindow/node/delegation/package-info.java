/**
 * Delegation (委托授权) as both roles see it: the {@link org.singlewindow.node.delegation.Delegation} record and the pure
 * {@link org.singlewindow.node.delegation.DelegationRules} deciding which delegation covers a broker's submission.
 * Central keeps delegations ({@code central-node}, package {@code delegation}); a province asks central before it
 * answers 202 ({@code provincial-node}, package {@code submission}).
 */
package org.singlewindow.node.delegation;
