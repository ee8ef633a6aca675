package dev.rolecall.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request in a list. */
public record RoleRequestSummary(
        RoleRequestId id,
        RoleRequestStatus status,
        String requester,
        @Nullable String requesterTeam,
        String accountId,
        String roleName,
        int revision,
        Instant createdAt,
        Instant updatedAt) {}
