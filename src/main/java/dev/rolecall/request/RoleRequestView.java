package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.review.Emergency;
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
 * @param kind whether the request creates, changes or deletes its role
 * @param changePlan for CHANGE and DELETE, the current revision's plan against the live role
 * @param emergency the emergency it was filed as (break-glass), or null for an ordinary request
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
        long version,
        RequestKind kind,
        @Nullable ChangePlan changePlan,
        @Nullable Emergency emergency) {

    /** An ordinary request, not filed as an emergency. */
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
            @Nullable String riskReason,
            Instant createdAt,
            Instant updatedAt,
            long version,
            RequestKind kind,
            @Nullable ChangePlan changePlan) {
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
                riskReason,
                createdAt,
                updatedAt,
                version,
                kind,
                changePlan,
                null);
    }

    /**
     * The decisions on the current revision. A new revision starts review again: decisions on
     * earlier revisions stay in the history but no longer count.
     */
    public List<DecisionView> currentDecisions() {
        return decisions.stream().filter(d -> d.revision() == revision).toList();
    }

    /**
     * Whether the request failed while rolling back (its last failed call removes something: a Detach
     * or a Delete) rather than while applying, so the page can say which of the two stopped.
     */
    public boolean rollbackFailed() {
        if (status != RoleRequestStatus.FAILED || kind != RequestKind.CREATE) {
            // Only a CREATE is rolled back; the Deletes and Detaches of a CHANGE or DELETE are its apply.
            return false;
        }
        for (int i = applySteps.size() - 1; i >= 0; i--) {
            ApplyStepView step = applySteps.get(i);
            if (step.status() == ApplyStepStatus.FAILED) {
                return step.call().startsWith("Delete") || step.call().startsWith("Detach");
            }
        }
        return false;
    }

    /** Whether the person may retry this request's failed apply; the service decides again on the POST. */
    public boolean retryableBy(CurrentUser user) {
        return actionsFor(Actor.of(user)).retry();
    }

    /** Whether the person may roll back this request's failed apply; the service decides again on the POST. */
    public boolean rollBackableBy(CurrentUser user) {
        return actionsFor(Actor.of(user)).rollBack();
    }

    /** What the reader may do with the request as read, by the {@link RoleRequest} rules. */
    public RequestActions actionsFor(Actor reader) {
        boolean createdSomething = kind == RequestKind.CREATE
                && applySteps.stream().anyMatch(step -> step.status() == ApplyStepStatus.SUCCEEDED);
        return RequestActions.of(requester, status, createdSomething, reader);
    }

    /** Whether apply is under way: approved and nothing recorded yet, or applying. Its card polls meanwhile. */
    public boolean applyInProgress() {
        return status == RoleRequestStatus.APPROVED && applySteps.isEmpty()
                || status == RoleRequestStatus.APPLYING
                || status == RoleRequestStatus.ROLLING_BACK;
    }

    /** Whether approving this request needs a comment: its risk is HIGH or CRITICAL. */
    public boolean approvalNeedsComment() {
        return DecisionType.APPROVE.needsComment(riskLevel);
    }

    /** A reviewer's decision, or a comment that decides nothing ({@link DecisionType#COMMENT}). */
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
            Instant recordedAt,
            int attempts) {

        /** The error as shown to requesters and reviewers, or {@code null}. */
        public @Nullable String error() {
            return errorCode == null ? null : errorCode + ": " + errorMessage;
        }
    }
}
