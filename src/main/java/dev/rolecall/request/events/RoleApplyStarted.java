package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** Rolecall started making the IAM calls for an approved request. */
public record RoleApplyStarted(RoleRequestRef request, String actor, Instant occurredAt, boolean retry)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.started";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.APPLYING, "retry", retry);
    }
}
