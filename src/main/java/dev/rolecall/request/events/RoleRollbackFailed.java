package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** An IAM call of a rollback failed: ROLLING_BACK → FAILED, with the AWS error. */
public record RoleRollbackFailed(
        RoleRequestRef request, String actor, Instant occurredAt, String errorCode, String errorMessage)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "rollback.failed";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.FAILED, "errorCode", errorCode, "errorMessage", errorMessage);
    }
}
