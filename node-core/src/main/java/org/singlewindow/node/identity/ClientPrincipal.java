package org.singlewindow.node.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A principal with a password: a registered client authenticated with HTTP Basic (its client id and secret), or a
 * portal user on central's login page.
 */
public record ClientPrincipal(Caller caller, String encodedSecret) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return caller.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
    }

    @Override
    public String getPassword() {
        return encodedSecret;
    }

    @Override
    public String getUsername() {
        return caller.clientId();
    }
}
