package dev.rolecall.request;

import dev.rolecall.policy.RiskLevel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request in a list.
 *
 * @param riskReason why the risk level is above the severity of the top finding; null when it is not
 */
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
        @Nullable String riskReason,
        Instant createdAt,
        Instant updatedAt) {

    /** A request whose risk level is that of its top finding, with no reason to give. */
    public RoleRequestSummary(
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
            Instant updatedAt) {
        this(
                id,
                status,
                requester,
                requesterTeam,
                accountId,
                roleName,
                revision,
                riskLevel,
                topFindingCode,
                null,
                createdAt,
                updatedAt);
    }
}
