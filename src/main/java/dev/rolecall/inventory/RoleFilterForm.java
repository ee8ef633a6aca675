package dev.rolecall.inventory;

import dev.rolecall.policy.analysis.RiskLevel;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's filters as the URL query carries them, for the page, the CSV and the API alike.
 * A value that is not one of the allowed ones is a field error, never ignored.
 *
 * @param after the position the page starts after ({@code <account>:<name>}), or empty
 */
record RoleFilterForm(
        @Nullable @Pattern(regexp = "[0-9]{12}", message = "account must be a 12-digit account id")
        String account,

        @Nullable @Size(max = 64) String environment,
        @Nullable @Size(max = 128) String team,
        @Nullable RoleState state,
        @Nullable RiskLevel risk,
        @Nullable @Size(max = 64) String q,

        @Nullable
        @Pattern(regexp = "[0-9]{12}:[\\w+=,.@-]{1,64}", message = "after must be a position from a page link")
        String after) {

    /** The filter, with the environment turned into its accounts. */
    RoleFilter filter(RoleInventory inventory) {
        List<String> accounts = null;
        String env = environment;
        if (env != null && !env.isBlank()) {
            accounts = inventory.accountsIn(env);
        }
        String id = account;
        if (id != null && !id.isBlank()) {
            accounts = accounts == null || accounts.contains(id) ? List.of(id) : List.of();
        }
        return new RoleFilter(accounts, present(team) ? team : null, state, risk, present(q) ? q : null);
    }

    @Nullable
    RoleKey afterKey() {
        String position = after;
        return position != null && !position.isBlank() ? RoleKey.parse(position) : null;
    }

    /** Whether any filter is set, so that an empty list can say "nothing matches" rather than "no roles". */
    public boolean filtered() {
        return present(account) || present(environment) || present(team) || state != null || risk != null || present(q);
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
