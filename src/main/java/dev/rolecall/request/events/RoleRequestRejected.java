package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** A reviewer turned the request down. */
public record RoleRequestRejected(RoleRequestRef request, String actor, Instant occurredAt, int revision)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.rejected";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("revision", revision, "status", RoleRequestStatus.REJECTED);
    }
}
