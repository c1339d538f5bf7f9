package org.singlewindow.central.identity;

import java.util.List;

import org.singlewindow.central.enterprise.Enterprise;
import org.singlewindow.central.enterprise.EnterpriseMapper;
import org.singlewindow.central.enterprise.UserAccount;
import org.singlewindow.node.identity.Caller;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * Portal users for central's login page, and the claims their tokens carry: roles, enterprise, agency, province,
 * and the enterprise's registered certificate.
 */
@Component
public class PortalUsers {

    private final EnterpriseMapper enterprises;

    public PortalUsers(EnterpriseMapper enterprises) {
        this.enterprises = enterprises;
    }

    /**
     * For the login form: a plain Spring Security user (name, password hash, roles), which the authorization server
     * keeps with the authorization in the database; the claims are read again when a token is issued
     * ({@link #caller}).
     */
    public UserDetails load(String username) {
        UserAccount user = enabled(username);
        return User.withUsername(user.username()).password(user.password())
                .roles(user.roleSet().toArray(String[]::new)).build();
    }

    /** A portal user as a caller, as its tokens describe it (unknown or disabled: refused). */
    public Caller caller(String username) {
        UserAccount user = enabled(username);
        return new Caller(user.username(), user.roleSet(), user.uscc(), user.agency(), user.province(),
                registeredCertificate(user.uscc()));
    }

    private UserAccount enabled(String username) {
        UserAccount user = enterprises.findUser(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        if (!user.enabled()) {
            throw new DisabledException("user disabled");
        }
        return user;
    }

    /**
     * What {@code /userinfo} answers for a portal user's token: the user's claims while the user exists and is
     * enabled; otherwise {@code invalid_token} (401), which ends the user's sessions at provincial portals.
     */
    public OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        String username = context.getAuthorization().getPrincipalName();
        UserAccount user = enterprises.findUser(username);
        if (user == null || !user.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "the user is disabled or unknown", null));
        }
        OidcUserInfo.Builder info = OidcUserInfo.builder().subject(username)
                .claim(Caller.ROLES_CLAIM, List.copyOf(user.roleSet()));
        if (user.uscc() != null) {
            info.claim(Caller.USCC_CLAIM, user.uscc());
        }
        return info.build();
    }

    /** SHA-256 of the certificate an enterprise registered, or null when it has not registered. */
    public String registeredCertificate(String uscc) {
        Enterprise enterprise = uscc == null ? null : enterprises.find(uscc);
        return enterprise == null ? null : enterprise.certSha256();
    }
}
