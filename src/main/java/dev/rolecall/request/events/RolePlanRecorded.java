package dev.rolecall.request.events;

import java.time.Instant;
import java.util.Map;

/** Plan-only: the IAM calls were recorded and nothing was sent to AWS. */
public record RolePlanRecorded(RoleRequestRef request, String actor, Instant occurredAt, int calls)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.planned";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("calls", calls, "sentToAws", false);
    }
}
