package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** The requester took the request back. */
public record RoleRequestWithdrawn(RoleRequestRef request, String actor, Instant occurredAt)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.withdrawn";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("status", RoleRequestStatus.WITHDRAWN);
    }
}
