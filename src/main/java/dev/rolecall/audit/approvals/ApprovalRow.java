package dev.rolecall.audit.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One decision on one revision.
 *
 * @param filedAt when the decided revision was filed; {@code null} if the trail does not hold its filing
 */
record ApprovalRow(
        UUID requestId,
        int revision,
        int stage,
        String reviewer,
        String decision,
        @Nullable Instant filedAt,
        Instant decidedAt) {

    /** From filing to decision; {@code null} without the filing. */
    @Nullable
    Duration timeToDecide() {
        return filedAt == null ? null : Duration.between(filedAt, decidedAt);
    }
}
