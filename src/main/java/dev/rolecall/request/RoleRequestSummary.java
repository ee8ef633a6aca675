package dev.rolecall.request;

import dev.rolecall.policy.analysis.RiskLevel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request in a list.
 *
 * @param riskReason why the risk level is above the severity of the top finding; null when it is not
 * @param emergencyReason the reason it was filed as an emergency (break-glass); null for an ordinary request
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
        Instant updatedAt,
        @Nullable String emergencyReason) {

    /** An ordinary request, not filed as an emergency. */
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
            @Nullable String riskReason,
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
                riskReason,
                createdAt,
                updatedAt,
                null);
    }

    /** Whether it was filed as an emergency. */
    public boolean emergency() {
        return emergencyReason != null;
    }
}
