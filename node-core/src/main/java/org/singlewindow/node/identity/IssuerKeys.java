package org.singlewindow.node.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The key set of the token issuer, as this node validates tokens with it: central's own (in its database) at
 * central, central's published keys (fetched and cached, {@link CachingJwkSource}) at a province. Each role provides
 * one bean. A distinct type, so that a {@link JWKSource} some library configures on its own is never mistaken for
 * the issuer's.
 */
public interface IssuerKeys extends JWKSource<SecurityContext> {
}
