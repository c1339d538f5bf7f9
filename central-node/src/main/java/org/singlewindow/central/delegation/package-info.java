/**
 * Delegations (委托授权) as central keeps them with the unified identity: created by a signed request of the delegating
 * enterprise, listed, read and revoked at {@code /api/v1/delegations}. Provinces ask central before they accept a
 * broker's submission; which delegation applies is the kernel's pure {@code DelegationRules}.
 */
package org.singlewindow.central.delegation;
