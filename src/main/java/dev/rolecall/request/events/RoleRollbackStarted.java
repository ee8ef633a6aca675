package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** A person asked Rolecall to remove what a failed apply created: FAILED → ROLLING_BACK. */
public record RoleRollbackStarted(RoleRequestRef request, String actor, Instant occurredAt)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "rollback.started";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.ROLLING_BACK);
    }
}
