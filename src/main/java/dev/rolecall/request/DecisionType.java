package dev.rolecall.request;

import dev.rolecall.policy.RiskLevel;
import org.jspecify.annotations.Nullable;

/** What a reviewer decided. */
public enum DecisionType {
    /** The request may be applied as it is. */
    APPROVE,
    /** The request is turned down for good. */
    REJECT,
    /** The requester should revise the request and submit it again. */
    REQUEST_CHANGES;

    /**
     * Whether this decision needs a comment on a request of the given risk: rejecting and asking for
     * changes always do (the requester must learn why), approving does when the risk is HIGH or
     * CRITICAL (the audit trail must say why that access was acceptable). The one place this rule
     * lives; the aggregate enforces it and pages use it for their hints.
     */
    public boolean needsComment(@Nullable RiskLevel risk) {
        return switch (this) {
            case APPROVE -> risk != null && risk.compareTo(RiskLevel.HIGH) >= 0;
            case REJECT, REQUEST_CHANGES -> true;
        };
    }
}
