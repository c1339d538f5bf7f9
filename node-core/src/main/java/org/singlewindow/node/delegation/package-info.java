/**
 * Delegation (委托授权): an enterprise authorizes a customs broker to declare for it, for a period and some document
 * types. Central keeps delegations with the unified identity ({@link org.singlewindow.node.delegation.DelegationService},
 * {@code /api/v1/delegations}); each is signed by the delegating enterprise's key. A provincial node asks central,
 * with the broker's own token, whether a broker's submission is covered before it answers 202
 * ({@link org.singlewindow.node.delegation.CentralDelegations}), so a revocation stops further submissions at once.
 * Which delegation applies is decided by the pure {@link org.singlewindow.node.delegation.DelegationRules}.
 */
package org.singlewindow.node.delegation;
