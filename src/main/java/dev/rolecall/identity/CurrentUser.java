package dev.rolecall.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person, as the other modules see them. Resolved for controller methods that
 * declare a {@code CurrentUser} parameter.
 */
public record CurrentUser(String username, @Nullable String team, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Reviewers, auditors and admins may read every request; requesters only their own. */
    public boolean canReadAllRequests() {
        return has(Role.REVIEWER) || has(Role.AUDITOR) || has(Role.ADMIN);
    }

    public boolean canReadAudit() {
        return has(Role.AUDITOR) || has(Role.ADMIN);
    }
}
