package org.singlewindow.central.enterprise;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A portal user, as the {@code portal_user} table holds it.
 *
 * @param password Spring's encoded form ({@code {bcrypt}...})
 * @param roles    comma-separated roles
 */
public record UserAccount(String username, String password, String roles, String uscc, String agency,
                          String province, boolean enabled, Instant createdAt, String createdBy) {

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).collect(Collectors.toUnmodifiableSet());
    }
}
