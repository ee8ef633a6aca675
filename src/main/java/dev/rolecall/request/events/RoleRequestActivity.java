package dev.rolecall.request.events;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a request: every state change, decision and apply call. Published
 * inside the transaction that made the change, so a listener that writes in that transaction (the
 * audit trail) commits or rolls back with it.
 */
public sealed interface RoleRequestActivity
        permits RoleRequestSubmitted,
                RoleRequestReviewStarted,
                RoleRequestDecisionRecorded,
                RoleRequestCommented,
                RoleRequestApproved,
                RoleRequestRejected,
                RoleRequestChangesRequested,
                RoleRequestWithdrawn,
                RoleApplyStarted,
                RoleApplyStepRecorded,
                RolePlanRecorded,
                RolePlanRenewed,
                RoleApplied,
                RoleApplicationFailed,
                RoleRollbackStarted,
                RoleRolledBack,
                RoleRollbackFailed,
                RoleRequestEmergencyFiled,
                RoleRequestEmergencyReviewed {

    RoleRequestRef request();

    /** The person, or {@code rolecall} for the system, that caused it. */
    String actor();

    Instant occurredAt();

    /** A stable name for the audit trail, e.g. {@code request.approved}. */
    String action();

    /** What else an auditor needs to know, as name/value pairs. */
    Map<String, Object> details();
}
