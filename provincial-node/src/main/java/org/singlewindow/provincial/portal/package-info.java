/**
 * The provincial portal's own endpoints: who is logged in ({@code /portal/me}) with the CSRF token a browser needs
 * for state-changing calls with its session. Login itself is OpenID Connect against central
 * ({@link org.singlewindow.provincial.portal.PortalLoginConfiguration}).
 */
package org.singlewindow.provincial.portal;
