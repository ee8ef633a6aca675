package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** A requester filed a revision of a request. */
public record RoleRequestSubmitted(
        RoleRequestRef request, String actor, Instant occurredAt, int revision, String justification)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.submitted";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("revision", revision, "status", RoleRequestStatus.SUBMITTED, "justification", justification);
    }
}
