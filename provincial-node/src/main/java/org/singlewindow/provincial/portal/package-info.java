/**
 * The provincial portal: its pages ({@code static/portal/}, signing in the browser), who is logged in
 * ({@code /portal/me}) with the CSRF token a browser needs for state-changing calls with its session, and the
 * enterprise's delegations relayed to central with the user's own token
 * ({@link org.singlewindow.provincial.portal.DelegationRelay}). Login itself is OpenID Connect against central
 * ({@link org.singlewindow.provincial.portal.PortalLoginConfiguration}); the same session opens the node's operations
 * console for its operators.
 */
package org.singlewindow.provincial.portal;
