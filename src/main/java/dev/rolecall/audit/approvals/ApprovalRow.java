package dev.rolecall.audit.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One decision on one revision.
 *
 * @param filedAt when the decided revision was filed; {@code null} if the trail does not hold its filing
 * @param waitedFrom when the stage started waiting (for stage 1, or without a recorded opening, the
 *     filing); {@code null} if the trail holds neither
 */
record ApprovalRow(
        UUID requestId,
        int revision,
        int stage,
        String reviewer,
        String decision,
        @Nullable Instant filedAt,
        @Nullable Instant waitedFrom,
        Instant decidedAt) {

    /** From the stage's opening to the decision; {@code null} when the trail holds neither opening nor filing. */
    @Nullable
    Duration timeToDecide() {
        return waitedFrom == null ? null : Duration.between(waitedFrom, decidedAt);
    }
}
