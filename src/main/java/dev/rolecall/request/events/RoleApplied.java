package dev.rolecall.request.events;

import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The request's calls were made: the role exists in AWS as approved (CREATE, CHANGE), or is gone
 * (DELETE).
 *
 * @param calls the IAM calls recorded for the request
 * @param kind what the request did to the role
 */
public record RoleApplied(
        RoleRequestRef request,
        String actor,
        Instant occurredAt,
        String roleArn,
        List<ApplyStepRecord> calls,
        RequestKind kind)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.applied";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "status", RoleRequestStatus.APPLIED, "roleArn", roleArn, "calls", AuditedCalls.of(calls), "kind", kind);
    }
}
