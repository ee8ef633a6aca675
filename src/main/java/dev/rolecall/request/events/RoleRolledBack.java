package dev.rolecall.request.events;

import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the failed apply created is gone from AWS: ROLLING_BACK → ROLLED_BACK. {@code calls} are the IAM calls recorded for the request, the removals included. */
public record RoleRolledBack(RoleRequestRef request, String actor, Instant occurredAt, List<ApplyStepRecord> calls)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "rollback.completed";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.ROLLED_BACK, "calls", AuditedCalls.of(calls));
    }
}
