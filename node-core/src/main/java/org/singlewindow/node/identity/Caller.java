package org.singlewindow.node.identity;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller of an API request.
 *
 * @param clientId the OAuth2 client
 * @param roles    its roles
 * @param uscc     the enterprise a declarant is bound to (null otherwise)
 * @param agency   the agency an agency client speaks for (null otherwise)
 * @param province the province a node operator operates (null otherwise)
 */
public record Caller(String clientId, Set<String> roles, String uscc, String agency, String province) {

    public static final String DECLARANT = "DECLARANT";
    public static final String AGENCY = "AGENCY";
    public static final String NODE_OPERATOR = "NODE_OPERATOR";
    public static final String CENTRAL_OPERATOR = "CENTRAL_OPERATOR";

    /** Claim names in issued tokens. */
    public static final String ROLES_CLAIM = "roles";
    public static final String USCC_CLAIM = "uscc";
    public static final String AGENCY_CLAIM = "agency";
    public static final String PROVINCE_CLAIM = "province";

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether this caller operates the node with the given code: central operators everywhere, node operators
     * at their own province's node. */
    public boolean operates(String nodeCode) {
        return has(CENTRAL_OPERATOR) || (has(NODE_OPERATOR) && nodeCode.equals(province));
    }

    public static Caller from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            java.util.List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
            return new Caller(jwt.getSubject(), roles == null ? Set.of() : Set.copyOf(roles),
                    jwt.getClaimAsString(USCC_CLAIM), jwt.getClaimAsString(AGENCY_CLAIM),
                    jwt.getClaimAsString(PROVINCE_CLAIM));
        }
        if (authentication != null && authentication.getPrincipal() instanceof ClientPrincipal client) {
            return client.caller();
        }
        throw new IllegalStateException("unsupported authentication " + authentication);
    }
}
