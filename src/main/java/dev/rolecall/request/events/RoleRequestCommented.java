package dev.rolecall.request.events;

import java.time.Instant;
import java.util.Map;

/** The requester or a reviewer commented on a revision; the request's status did not change. */
public record RoleRequestCommented(
        RoleRequestRef request, String actor, Instant occurredAt, int revision, String comment)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.commented";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("revision", revision, "comment", comment);
    }
}
