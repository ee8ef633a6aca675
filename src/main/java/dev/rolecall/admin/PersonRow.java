package dev.rolecall.admin;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One person as the People page shows them: roles in the order of {@link Role}. Local users have
 * no groups; the page says so.
 */
record PersonRow(String username, @Nullable String team, List<String> roles) {

    static PersonRow of(CurrentUser user) {
        return new PersonRow(
                user.username(),
                user.team(),
                Arrays.stream(Role.values()).filter(user::has).map(Role::name).toList());
    }
}
