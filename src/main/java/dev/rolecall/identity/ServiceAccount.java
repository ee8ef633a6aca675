package dev.rolecall.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A principal for a pipeline that is not a person: it acts only through API tokens an admin
 * created for it, within its roles (never {@link Role#ADMIN}), and never signs in to pages.
 *
 * @param owner the person responsible for the account
 * @param groups the reviewer groups it is meant to act in
 */
public record ServiceAccount(
        String username,
        String description,
        Set<Role> roles,
        @Nullable String team,
        List<String> groups,
        String owner,
        String createdBy,
        Instant createdAt,
        @Nullable Instant disabledAt,
        @Nullable String disabledBy) {

    public ServiceAccount {
        roles = Set.copyOf(roles);
        groups = List.copyOf(groups);
    }

    public boolean enabled() {
        return disabledAt == null;
    }

    /** The account as the other modules see whoever acts: its name, team and roles. */
    public CurrentUser asUser() {
        return new CurrentUser(username, team, roles);
    }

    /** Its roles in the order of {@link Role}, for pages. */
    public List<Role> orderedRoles() {
        return Arrays.stream(Role.values()).filter(roles::contains).toList();
    }
}
