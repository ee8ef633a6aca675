package dev.rolecall.request;

import dev.rolecall.policy.analysis.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * What a reviewer (or, for {@link #COMMENT}, the requester) posts on a revision, after GitHub's review
 * verbs: three decide, a comment decides nothing.
 */
public enum DecisionType {
    /** The request may be applied as it is. */
    APPROVE,
    /** The request is turned down for good. */
    REJECT,
    /** The requester should revise the request and submit it again. */
    REQUEST_CHANGES,
    /** A remark that decides nothing: the status stays and it never counts as an approval. */
    COMMENT;

    /** The status this decision moves a request in review to; {@code null} for a comment. */
    public @Nullable RoleRequestStatus outcome() {
        return switch (this) {
            case APPROVE -> RoleRequestStatus.APPROVED;
            case REJECT -> RoleRequestStatus.REJECTED;
            case REQUEST_CHANGES -> RoleRequestStatus.CHANGES_REQUESTED;
            case COMMENT -> null;
        };
    }

    /**
     * Whether this decision needs a comment on a request of the given risk: a comment is its text,
     * rejecting and asking for changes always do (the requester must learn why), approving does when the risk is HIGH or
     * CRITICAL (the audit trail must say why that access was acceptable). The one place this rule
     * lives; the aggregate enforces it and pages use it for their hints.
     */
    public boolean needsComment(@Nullable RiskLevel risk) {
        return switch (this) {
            case APPROVE -> risk != null && risk.compareTo(RiskLevel.HIGH) >= 0;
            case REJECT, REQUEST_CHANGES, COMMENT -> true;
        };
    }
}
