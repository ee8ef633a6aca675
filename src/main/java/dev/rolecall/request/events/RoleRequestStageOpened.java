package dev.rolecall.request.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A review stage started waiting: members of {@code groups} are needed, {@code approvalsNeeded}
 * of them, by {@code dueAt}.
 *
 * @param stage the stage's position in the route, from 1
 */
public record RoleRequestStageOpened(
        RoleRequestRef ref,
        int stage,
        List<String> groups,
        int approvalsNeeded,
        @Nullable Instant dueAt) {

    public RoleRequestStageOpened {
        groups = List.copyOf(groups);
    }
}
