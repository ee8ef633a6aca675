package dev.rolecall.request.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A review stage started waiting: members of {@code groups} are needed, {@code approvalsNeeded}
 * of them, by {@code dueAt}.
 *
 * @param stage the stage's position in the route, from 1
 * @param emergency whether the stage reviews an emergency request after the fact: it was applied already
 */
public record RoleRequestStageOpened(
        RoleRequestRef ref,
        int stage,
        List<String> groups,
        int approvalsNeeded,
        @Nullable Instant dueAt,
        boolean emergency) {

    public RoleRequestStageOpened {
        groups = List.copyOf(groups);
    }

    /** A stage of an ordinary route, which waits before anything is applied. */
    public RoleRequestStageOpened(
            RoleRequestRef ref, int stage, List<String> groups, int approvalsNeeded, @Nullable Instant dueAt) {
        this(ref, stage, groups, approvalsNeeded, dueAt, false);
    }
}
