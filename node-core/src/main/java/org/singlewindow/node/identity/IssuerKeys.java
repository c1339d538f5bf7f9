package org.singlewindow.node.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The key set of the node that issues tokens (central's, in its database). Where a bean of this type exists the
 * node validates tokens with it; elsewhere with central's published keys. A distinct type, so that a
 * {@link JWKSource} some library configures on its own is never mistaken for the issuer's.
 */
public interface IssuerKeys extends JWKSource<SecurityContext> {
}
