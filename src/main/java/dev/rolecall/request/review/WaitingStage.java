package dev.rolecall.request.review;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stage a request in review waits on, as an inbox row shows it.
 *
 * @param position the stage's place in the route, from 1
 * @param stages how many stages the route has
 * @param groups the groups whose members may approve it
 * @param approvalsNeeded how many distinct people must approve it
 * @param approvals how many have so far
 * @param dueAt when its SLA passes
 * @param overdue whether it was found waiting past its SLA
 */
public record WaitingStage(
        int position,
        int stages,
        List<String> groups,
        int approvalsNeeded,
        int approvals,
        @Nullable Instant dueAt,
        boolean overdue) {

    public WaitingStage {
        groups = List.copyOf(groups);
    }

    /** "1 of payments-owners". */
    public String waitingOn() {
        return Math.max(0, approvalsNeeded - approvals) + " of " + String.join(" or ", groups);
    }
}
