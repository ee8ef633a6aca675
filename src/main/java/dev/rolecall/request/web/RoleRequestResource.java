package dev.rolecall.request.web;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.change.PlannedCall;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request as the JSON API shows it; {@code spec} has the field names of the create payload.
 * {@code riskReason} says why {@code riskLevel} is above the severity of {@code topFindingCode}, when it is.
 * {@code kind} says whether the request creates, changes or deletes its role; {@code plan} lists, for
 * CHANGE and DELETE, the IAM calls (each with its parameters) planned against the live role for the
 * current revision, and is null for CREATE. {@code emergency} says whether it was filed as an emergency
 * (break-glass) with {@code emergencyReason}; {@code emergencyReview} is then WAITING, CONFIRMED or
 * REVOKED, the state of its review after the fact.
 */
public record RoleRequestResource(
        String id,
        RoleRequestStatus status,
        String requester,
        @Nullable String requesterTeam,
        int revision,
        RoleSpec spec,
        String justification,
        List<Decision> decisions,
        @Nullable String roleArn,
        boolean planOnly,
        List<Step> applySteps,
        @Nullable Failure failure,
        @Nullable RiskLevel riskLevel,
        @Nullable String topFindingCode,
        @Nullable String riskReason,
        Instant createdAt,
        Instant updatedAt,
        long version,
        RequestKind kind,
        @Nullable List<PlannedCall> plan,
        boolean emergency,
        @Nullable String emergencyReason,
        @Nullable String emergencyReview) {

    /**
     * A reviewer's decision, or with {@code COMMENT} a comment by a reviewer or the requester that
     * decided nothing; {@code reviewer} is whoever posted it.
     */
    public record Decision(
            String reviewer,
            DecisionType decision,
            @Nullable String comment,
            int revision,
            Instant decidedAt) {}

    /** One IAM call; {@code error} is "code: message" when it failed. */
    public record Step(
            int position,
            String call,
            ApplyStepStatus status,
            @Nullable String error) {}

    /** Why apply failed: the AWS error code and message. */
    public record Failure(String code, @Nullable String message) {}

    public static RoleRequestResource of(RoleRequestView view) {
        return new RoleRequestResource(
                view.id().toString(),
                view.status(),
                view.requester(),
                view.requesterTeam(),
                view.revision(),
                view.spec(),
                view.justification(),
                view.decisions().stream()
                        .map(d -> new Decision(d.reviewer(), d.decision(), d.comment(), d.revision(), d.decidedAt()))
                        .toList(),
                view.roleArn(),
                view.planOnly(),
                view.applySteps().stream()
                        .map(s -> new Step(s.position(), s.call(), s.status(), s.error()))
                        .toList(),
                view.failureCode() == null ? null : new Failure(view.failureCode(), view.failureMessage()),
                view.riskLevel(),
                view.topFindingCode(),
                view.riskReason(),
                view.createdAt(),
                view.updatedAt(),
                view.version(),
                view.kind(),
                view.changePlan() == null ? null : view.changePlan().calls(),
                view.emergency() != null,
                view.emergency() == null ? null : view.emergency().reason(),
                view.emergency() == null ? null : view.emergency().reviewState());
    }
}
