package dev.rolecall.request.events;

import java.time.Instant;
import java.util.Map;

/**
 * The role changed in AWS since the approved plan was computed: nothing was sent, and Rolecall filed
 * a new revision with the same spec and the plan computed again against the live role, back to
 * review.
 */
public record RolePlanRenewed(RoleRequestRef request, String actor, Instant occurredAt, int revision, int calls)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.replanned";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "revision",
                revision,
                "calls",
                calls,
                "reason",
                "the role changed in AWS since this plan was approved",
                "sentToAws",
                false);
    }
}
