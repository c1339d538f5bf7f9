package org.singlewindow.node.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.singlewindow.node.refusal.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller of an API request: an API client (client credentials), a portal user (logged in
 * through central with OpenID Connect) or, on central, an agency system with HTTP Basic.
 *
 * @param clientId   the OAuth2 client, or the portal user's name
 * @param roles      its roles
 * @param uscc       the enterprise a declarant or broker is bound to (null otherwise)
 * @param agency     the agency an agency client or officer speaks for (null otherwise)
 * @param province   the province a node operator operates (null otherwise)
 * @param certSha256 SHA-256 (hex) of the certificate the caller's enterprise registered, binding its SM2 key;
 *                   null when the enterprise has not registered one
 */
public record Caller(String clientId, Set<String> roles, String uscc, String agency, String province,
                     String certSha256) implements java.io.Serializable {

    public static final String DECLARANT = "DECLARANT";
    /** A customs broker (报关企业): declares for enterprises that delegated it (委托授权). */
    public static final String BROKER = "BROKER";
    public static final String AGENCY = "AGENCY";
    /** A person at an agency: reads what reached the agency, its data subset only. */
    public static final String AGENCY_OFFICER = "AGENCY_OFFICER";
    public static final String NODE_OPERATOR = "NODE_OPERATOR";
    public static final String CENTRAL_OPERATOR = "CENTRAL_OPERATOR";
    /** A grant for operators: they may read submitted documents too, each read audited ({@code DOCUMENT_READ}). */
    public static final String DOCUMENT_READER = "DOCUMENT_READER";

    /** Claim names in issued tokens. */
    public static final String ROLES_CLAIM = "roles";
    public static final String USCC_CLAIM = "uscc";
    public static final String AGENCY_CLAIM = "agency";
    public static final String PROVINCE_CLAIM = "province";
    public static final String CERT_CLAIM = "cert_sha256";

    public Caller(String clientId, Set<String> roles, String uscc, String agency, String province) {
        this(clientId, roles, uscc, agency, province, null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether this caller operates the node with the given code: central operators everywhere, node operators
     * at their own province's node. */
    public boolean operates(String nodeCode) {
        return has(CENTRAL_OPERATOR) || (has(NODE_OPERATOR) && nodeCode.equals(province));
    }

    /**
     * The caller when it is a declarant client bound to an enterprise (a trader's, or a customs broker's); 403
     * {@code NOT_A_DECLARANT} otherwise, saying what only such a client may do ({@code mayEn}, {@code mayZh}: e.g.
     * "submit", "申报").
     */
    public static Caller declarant(Authentication authentication, String mayEn, String mayZh) {
        Caller caller = from(authentication);
        if (!caller.has(DECLARANT) || caller.uscc() == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN,
                    "NOT_A_DECLARANT", "Not a declarant", "非申报人", "only declarant clients bound to an enterprise may "
                    + mayEn, "只有绑定企业的申报客户端可以" + mayZh);
        }
        return caller;
    }

    public static Caller from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return of(jwt.getSubject(), jwt.getClaims());
        }
        if (authentication instanceof OAuth2AuthenticationToken login) {
            return of(login.getName(), login.getPrincipal().getAttributes());
        }
        if (authentication != null && authentication.getPrincipal() instanceof ClientPrincipal client) {
            return client.caller();
        }
        throw new IllegalStateException("unsupported authentication " + authentication);
    }

    private static Caller of(String subject, Map<String, Object> claims) {
        Object roles = claims.get(ROLES_CLAIM);
        Set<String> set = roles instanceof List<?> list
                ? Set.copyOf(list.stream().map(String::valueOf).toList()) : Set.of();
        return new Caller(subject, set, text(claims, USCC_CLAIM), text(claims, AGENCY_CLAIM),
                text(claims, PROVINCE_CLAIM), text(claims, CERT_CLAIM));
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }
}
