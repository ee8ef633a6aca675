package dev.rolecall.request;

import dev.rolecall.policy.RiskLevel;
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
        @Nullable RiskLevel riskLevel,
        @Nullable String topFindingCode,
        Instant createdAt,
        Instant updatedAt) {}
