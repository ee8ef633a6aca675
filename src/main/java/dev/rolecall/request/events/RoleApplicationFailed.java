package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** An IAM call failed; the request can be retried. */
public record RoleApplicationFailed(
        RoleRequestRef request, String actor, Instant occurredAt, String errorCode, String errorMessage)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.failed";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.FAILED, "errorCode", errorCode, "errorMessage", errorMessage);
    }
}
