package dev.rolecall.inventory;

import dev.rolecall.policy.analysis.RiskLevel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which roles a list, the API and the CSV show: every condition is optional. The page, the API and
 * the export read the same filter, so they always agree.
 *
 * @param accounts only roles in these accounts (an account filter, or an environment's accounts);
 *     {@code null} for every account
 * @param team only this owner team's roles
 * @param state only roles in this state
 * @param risk only roles at this risk level
 * @param text only roles whose name contains this, ignoring case
 * @param expiresBefore only live roles (not expired or deleted) whose expiry is before this moment,
 *     listed soonest first
 */
record RoleFilter(
        @Nullable List<String> accounts,
        @Nullable String team,
        @Nullable RoleState state,
        @Nullable RiskLevel risk,
        @Nullable String text,
        @Nullable Instant expiresBefore) {

    static final RoleFilter ALL = new RoleFilter(null, null, null, null, null, null);

    RoleFilter {
        accounts = accounts == null ? null : List.copyOf(accounts);
    }

    /** Live roles whose expiry is before {@code limit}, soonest first. */
    static RoleFilter expiringBefore(Instant limit) {
        return new RoleFilter(null, null, null, null, null, limit);
    }

    /** Roles in one state. */
    static RoleFilter inState(RoleState state) {
        return new RoleFilter(null, null, state, null, null, null);
    }

    /** Roles whose name contains the text. */
    static RoleFilter named(String text) {
        return new RoleFilter(null, null, null, null, text, null);
    }

    /** The same filter, narrowed to one team's roles (what a requester may see). */
    RoleFilter ofTeam(@Nullable String ownerTeam) {
        return new RoleFilter(accounts, ownerTeam == null ? "" : ownerTeam, state, risk, text, expiresBefore);
    }

    /** Whether the list is in expiry order (soonest first) rather than account and name order. */
    boolean byExpiry() {
        return expiresBefore != null;
    }
}
