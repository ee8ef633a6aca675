package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** Review completed with approval: provisioning applies (or plans) the role. */
public record RoleRequestApproved(RoleRequestRef request, String actor, Instant occurredAt, int revision)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.approved";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("revision", revision, "status", RoleRequestStatus.APPROVED);
    }
}
