package dev.rolecall.inventory.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role's expiry came within the warning window: its owner may extend it, its reviewers should
 * know. Published once each time the role starts expiring; a role whose expiry was extended is
 * warned again about the new one, so {@code expiresAt} names the warning.
 *
 * @param accountId the role's account
 * @param roleName the role
 * @param expiresAt when the role is revoked unless extended
 * @param ownerTeam the team that owns the role, or {@code null} when none is recorded
 * @param requestId the request that last applied the role, or {@code null} for an adopted role
 * @param rolePath the role's page in the console
 * @param extendPath the change form that proposes a later expiry (the Extend action)
 */
public record RoleExpiringSoon(
        Instant occurredAt,
        String accountId,
        String roleName,
        Instant expiresAt,
        @Nullable String ownerTeam,
        @Nullable UUID requestId,
        String rolePath,
        String extendPath) {}
