package dev.rolecall.request;

import java.util.EnumSet;
import java.util.Set;

/** Where a request is in its lifecycle. Only the aggregate moves a request between states. */
public enum RoleRequestStatus {
    /** Being written; nobody else sees it yet. */
    DRAFT,
    /** Filed; about to be routed to reviewers. */
    SUBMITTED,
    /** Waiting for reviewers' decisions; a new revision from the requester restarts review. */
    IN_REVIEW,
    /** A reviewer asked the requester to change something; a new revision restarts review. */
    CHANGES_REQUESTED,
    /** Review is complete; the role is about to be applied (or, plan-only, its plan is recorded). */
    APPROVED,
    /** The IAM calls are being made. */
    APPLYING,
    /** The role exists in AWS as approved. */
    APPLIED,
    /** A reviewer turned the request down; final. */
    REJECTED,
    /** The requester took the request back; final. */
    WITHDRAWN,
    /**
     * An IAM call failed; the failed step and AWS error are recorded and apply can be retried, or
     * what it created rolled back.
     */
    FAILED,
    /** A person asked to undo a failed apply; Rolecall is removing what the request created. */
    ROLLING_BACK,
    /** Everything the failed apply created was removed from AWS; final. */
    ROLLED_BACK,
    /** A temporary role reached its expiry and was revoked; final. */
    EXPIRED,
    /** The live role differs from what was approved. */
    DRIFTED,
    /** A delete request removed the role; final. */
    DELETED;

    private static final Set<RoleRequestStatus> OPEN = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED);

    private static final Set<RoleRequestStatus> REVISABLE = EnumSet.of(IN_REVIEW, CHANGES_REQUESTED);
    private static final Set<RoleRequestStatus> DISCUSSED = EnumSet.of(IN_REVIEW, CHANGES_REQUESTED);

    /** Whether the lifecycle allows a move from this state to {@code next}. */
    public boolean canBecome(RoleRequestStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED || next == WITHDRAWN;
            case SUBMITTED -> next == IN_REVIEW || next == WITHDRAWN;
            case IN_REVIEW ->
                next == APPROVED
                        || next == REJECTED
                        || next == CHANGES_REQUESTED
                        || next == WITHDRAWN
                        || next == SUBMITTED;
            case CHANGES_REQUESTED -> next == SUBMITTED || next == WITHDRAWN;
            // Back to review (SUBMITTED) when the role changed in AWS since its change plan was approved.
            case APPROVED -> next == APPLYING || next == SUBMITTED;
            case APPLYING -> next == APPLIED || next == FAILED || next == SUBMITTED;
            case FAILED -> next == APPLYING || next == ROLLING_BACK;
            case ROLLING_BACK -> next == ROLLED_BACK || next == FAILED;
            case APPLIED -> next == EXPIRED || next == DRIFTED || next == DELETED;
            case DRIFTED -> next == APPLYING || next == APPLIED;
            case REJECTED, WITHDRAWN, EXPIRED, DELETED, ROLLED_BACK -> false;
        };
    }

    /** Whether reviewers may decide: approve, reject or request changes. */
    public boolean awaitsDecision() {
        return this == IN_REVIEW;
    }

    /** Whether reviewers and the requester may comment: while review goes on or waits for a revision. */
    public boolean acceptsComments() {
        return DISCUSSED.contains(this);
    }

    /** Whether the requester may still withdraw the request. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /**
     * Whether the requester may file a new revision: while reviewers look at it, or after they
     * asked for changes. The new revision goes back to SUBMITTED and review starts again.
     */
    public boolean isRevisable() {
        return REVISABLE.contains(this);
    }
}
