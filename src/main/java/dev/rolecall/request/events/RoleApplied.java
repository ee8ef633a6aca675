package dev.rolecall.request.events;

import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The role exists in AWS as approved; {@code calls} are the IAM calls recorded for the request. */
public record RoleApplied(
        RoleRequestRef request, String actor, Instant occurredAt, String roleArn, List<ApplyStepRecord> calls)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.applied";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.APPLIED, "roleArn", roleArn, "calls", AuditedCalls.of(calls));
    }
}
