package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** A reviewer asked the requester for a new revision. */
public record RoleRequestChangesRequested(RoleRequestRef request, String actor, Instant occurredAt, int revision)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.changes_requested";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("revision", revision, "status", RoleRequestStatus.CHANGES_REQUESTED);
    }
}
