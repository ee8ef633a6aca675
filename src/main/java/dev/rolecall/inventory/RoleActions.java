package dev.rolecall.inventory;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a reader may do next with a role, as links and flags for its page: every action opens a
 * pre-filled request (reviewed as usual) or, for reviewers, checks and resolves drift. The server
 * checks each action again.
 *
 * @param changeUrl the change form prefilled with the role, or {@code null} when the role is gone or
 *     the reader may not ask to change it (another team's role; an auditor)
 * @param extendUrl the change form with a later expiry, or {@code null} for a role without expiry or
 *     one the reader may not change
 * @param deleteUrl the delete form, or {@code null} when the role is gone or the reader may not ask
 * @param reviewer whether the reader may check drift now and resolve it
 * @param countdown the time left before expiry in words ("2 d 4 h"), or {@code null}
 */
record RoleActions(
        @Nullable String changeUrl,
        @Nullable String extendUrl,
        @Nullable String deleteUrl,
        boolean reviewer,
        @Nullable String countdown) {

    /** How much later an Extend link proposes the expiry, from the current one. */
    static final Duration EXTENSION = Duration.ofDays(7);

    static RoleActions of(ManagedRole.Row role, CurrentUser reader, Instant now, Duration warning) {
        boolean live = role.state().live();
        boolean reviewer = reader.has(Role.REVIEWER) || reader.has(Role.ADMIN);
        // As the request form checks again: the role's team, reviewers and admins; an auditor only reads.
        String team = role.ownerTeam();
        boolean mayRequest = live && (reviewer || team != null && team.equals(reader.team()));
        Instant expiresAt = role.expiresAt();
        String extend = null;
        String countdown = null;
        if (live && expiresAt != null) {
            extend = mayRequest ? extendPath(role, expiresAt, now) : null;
            countdown = countdown(Duration.between(now, expiresAt));
        }
        return new RoleActions(
                mayRequest ? formPath("CHANGE", role) : null,
                extend,
                mayRequest ? formPath("DELETE", role) : null,
                reviewer && live,
                countdown);
    }

    /** The change form of the role with its expiry {@link #EXTENSION} later (from now once it has passed). */
    static String extendPath(ManagedRole.Row role, Instant expiresAt, Instant now) {
        Instant later =
                (expiresAt.isAfter(now) ? expiresAt : now).plus(EXTENSION).truncatedTo(ChronoUnit.MINUTES);
        return form("CHANGE")
                .queryParam("expiresAt", later.toString())
                .buildAndExpand(role.accountId(), role.roleName())
                .toUriString();
    }

    /** The role's page. */
    static String rolePath(ManagedRole.Row role) {
        return UriComponentsBuilder.fromPath("/roles/{a}/{n}")
                .buildAndExpand(role.accountId(), role.roleName())
                .encode()
                .toUriString();
    }

    /** "3 d 4 h", "2 h 5 min", "under a minute", or "overdue" once the time has passed. */
    static String countdown(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "overdue";
        }
        if (left.toDays() > 0) {
            return left.toDays() + " d " + left.toHoursPart() + " h";
        }
        if (left.toHours() > 0) {
            return left.toHours() + " h " + left.toMinutesPart() + " min";
        }
        return left.toMinutes() > 0 ? left.toMinutes() + " min" : "under a minute";
    }

    private static String formPath(String kind, ManagedRole.Row role) {
        return form(kind).buildAndExpand(role.accountId(), role.roleName()).toUriString();
    }

    /**
     * The request form of a kind, with the account and role as URI variables: encoded strictly, so a
     * '+' in a role name does not arrive as a space.
     */
    private static UriComponentsBuilder form(String kind) {
        return UriComponentsBuilder.fromPath("/requests/new")
                .queryParam("kind", kind)
                .queryParam("account", "{account}")
                .queryParam("role", "{role}")
                .encode();
    }
}
