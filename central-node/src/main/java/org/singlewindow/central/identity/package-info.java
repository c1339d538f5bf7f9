/**
 * The federation's token issuer (Spring Authorization Server): clients, portal logins from the provinces (OpenID
 * Connect, authorization code with PKCE), the token-signing keys kept sealed in the database and rotated with
 * overlap ({@link org.singlewindow.central.identity.SigningKeys}, pure schedule in
 * {@link org.singlewindow.central.identity.KeyRotation}), and the claims of portal users read from the enterprise
 * registry at each token; central's operators log in on the same login page for the operations console
 * ({@link org.singlewindow.central.identity.ConsoleLogin}). Every node validates these tokens with the kernel's {@code ApiSecurityConfiguration}.
 */
package org.singlewindow.central.identity;
