package dev.rolecall.request.events;

import dev.rolecall.request.RoleRequestStatus;
import java.time.Instant;
import java.util.Map;

/** A submitted revision is waiting for reviewers. */
public record RoleRequestReviewStarted(RoleRequestRef request, String actor, Instant occurredAt, int revision)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.in_review";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("revision", revision, "status", RoleRequestStatus.IN_REVIEW);
    }
}
