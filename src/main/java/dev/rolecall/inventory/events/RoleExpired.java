package dev.rolecall.inventory.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role was revoked at its expiry: every earlier session denied, then the role deleted or
 * stripped of its permissions as its account says.
 *
 * @param accountId the role's account
 * @param roleName the role
 * @param expiresAt the expiry it was revoked at
 * @param ownerTeam the team that owned the role, or {@code null} when none is recorded
 * @param requestId the request that last applied the role, or {@code null} for an adopted role
 * @param rolePath the role's page in the console, where its history stays
 * @param outcome {@code DELETE} (the role is gone) or {@code DETACH} (kept without permissions)
 */
public record RoleExpired(
        Instant occurredAt,
        String accountId,
        String roleName,
        Instant expiresAt,
        @Nullable String ownerTeam,
        @Nullable UUID requestId,
        String rolePath,
        String outcome) {}
