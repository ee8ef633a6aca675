package dev.rolecall.request.events;

import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An IAM call of a rollback failed: ROLLING_BACK → FAILED, with the AWS error; {@code calls} are the IAM calls recorded for the request. */
public record RoleRollbackFailed(
        RoleRequestRef request,
        String actor,
        Instant occurredAt,
        String errorCode,
        String errorMessage,
        List<ApplyStepRecord> calls)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "rollback.failed";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "status",
                RoleRequestStatus.FAILED,
                "errorCode",
                errorCode,
                "errorMessage",
                errorMessage,
                "calls",
                AuditedCalls.of(calls));
    }
}
