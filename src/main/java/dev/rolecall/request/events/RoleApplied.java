package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** The role exists in AWS as approved. */
public record RoleApplied(RoleRequestRef request, String actor, Instant occurredAt, String roleArn)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.applied";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.APPLIED, "roleArn", roleArn);
    }
}
