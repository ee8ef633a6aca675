package dev.rolecall.request.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a revision's route as its readers see it.
 *
 * @param position the stage's place in the route, from 1
 * @param groups the groups whose members may approve it
 * @param approvalsNeeded how many distinct people must approve it
 * @param approvers who approved it so far, in order
 * @param openedAt when it started waiting; null while an earlier stage waits
 * @param dueAt when its SLA passes
 * @param passedAt when it got its approvals
 * @param overdueAt when it was found waiting past its SLA
 * @param escalationGroup the group told when its SLA passes
 */
public record StageView(
        int position,
        List<String> groups,
        int approvalsNeeded,
        List<String> approvers,
        @Nullable Instant openedAt,
        @Nullable Instant dueAt,
        @Nullable Instant passedAt,
        @Nullable Instant overdueAt,
        @Nullable String escalationGroup) {

    public StageView {
        groups = List.copyOf(groups);
        approvers = List.copyOf(approvers);
    }

    /** Whether the stage waits for approvals now. */
    public boolean waiting() {
        return openedAt != null && passedAt == null;
    }

    public boolean passed() {
        return passedAt != null;
    }

    /** "1 of payments-owners": who is still needed. */
    public String waitingOn() {
        return Math.max(0, approvalsNeeded - approvers.size()) + " of " + String.join(" or ", groups);
    }

    /** "2 of security": what the stage needs in all. */
    public String needs() {
        return approvalsNeeded + " of " + String.join(" or ", groups);
    }

    /** Whether a member of these groups may decide on this stage. */
    public boolean admits(Set<String> memberOf) {
        return groups.stream().anyMatch(memberOf::contains);
    }

    /** Time left until the SLA passes, negative once it has; null when the stage does not wait. */
    public @Nullable Duration timeLeft(Instant now) {
        return waiting() && dueAt != null ? Duration.between(now, dueAt) : null;
    }
}
