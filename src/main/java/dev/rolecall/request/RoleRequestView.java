package dev.rolecall.request;

import dev.rolecall.policy.RiskLevel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request as its readers see it.
 *
 * @param version the optimistic-lock version a decision form carries back
 * @param planOnly whether the target account is plan-only: the apply steps were recorded and
 *     nothing was sent to AWS
 * @param riskLevel the policy analysis's risk level for the current revision
 * @param topFindingCode the finding that sets the risk level
 * @param riskReason why the risk level is above that finding's severity, e.g. {@code raised from HIGH: a
 *     compute service can assume this role}; null when it is not
 */
public record RoleRequestView(
        RoleRequestId id,
        RoleRequestStatus status,
        String requester,
        @Nullable String requesterTeam,
        int revision,
        RoleSpec spec,
        String justification,
        List<DecisionView> decisions,
        @Nullable String roleArn,
        List<ApplyStepView> applySteps,
        boolean planOnly,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        @Nullable RiskLevel riskLevel,
        @Nullable String topFindingCode,
        @Nullable String riskReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** A request whose risk level is that of its top finding, with no reason to give. */
    public RoleRequestView(
            RoleRequestId id,
            RoleRequestStatus status,
            String requester,
            @Nullable String requesterTeam,
            int revision,
            RoleSpec spec,
            String justification,
            List<DecisionView> decisions,
            @Nullable String roleArn,
            List<ApplyStepView> applySteps,
            boolean planOnly,
            @Nullable String failureCode,
            @Nullable String failureMessage,
            @Nullable RiskLevel riskLevel,
            @Nullable String topFindingCode,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this(
                id,
                status,
                requester,
                requesterTeam,
                revision,
                spec,
                justification,
                decisions,
                roleArn,
                applySteps,
                planOnly,
                failureCode,
                failureMessage,
                riskLevel,
                topFindingCode,
                null,
                createdAt,
                updatedAt,
                version);
    }

    /**
     * The decisions on the current revision. A new revision starts review again: decisions on
     * earlier revisions stay in the history but no longer count.
     */
    public List<DecisionView> currentDecisions() {
        return decisions.stream().filter(d -> d.revision() == revision).toList();
    }

    /** A reviewer's decision. */
    public record DecisionView(
            String reviewer,
            DecisionType decision,
            @Nullable String comment,
            int revision,
            Instant decidedAt) {}

    /** One IAM call, in the order apply makes them. */
    public record ApplyStepView(
            int position,
            String call,
            String parametersJson,
            ApplyStepStatus status,
            @Nullable String errorCode,
            @Nullable String errorMessage,
            Instant recordedAt) {

        /** The error as shown to requesters and reviewers, or {@code null}. */
        public @Nullable String error() {
            return errorCode == null ? null : errorCode + ": " + errorMessage;
        }
    }
}
