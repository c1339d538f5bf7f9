package org.singlewindow.node.identity;

import org.singlewindow.node.enterprise.Enterprise;
import org.singlewindow.node.enterprise.EnterpriseMapper;
import org.singlewindow.node.enterprise.UserAccount;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Portal users for central's login page, and the claims their tokens carry: roles, enterprise, agency, province,
 * and the enterprise's registered certificate.
 */
@Component
@ConditionalOnProperty(name = "sw.identity.issuing", havingValue = "true")
public class PortalUsers {

    private final EnterpriseMapper enterprises;

    public PortalUsers(EnterpriseMapper enterprises) {
        this.enterprises = enterprises;
    }

    /** For the login form. */
    public UserDetails load(String username) {
        UserAccount user = enterprises.findUser(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        if (!user.enabled()) {
            throw new DisabledException("user disabled");
        }
        return new ClientPrincipal(new Caller(user.username(), user.roleSet(), user.uscc(), user.agency(),
                user.province(), registeredCertificate(user.uscc())), user.password());
    }

    /** SHA-256 of the certificate an enterprise registered, or null when it has not registered. */
    public String registeredCertificate(String uscc) {
        Enterprise enterprise = uscc == null ? null : enterprises.find(uscc);
        return enterprise == null ? null : enterprise.certSha256();
    }
}
