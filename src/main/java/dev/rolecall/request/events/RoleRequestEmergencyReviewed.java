package dev.rolecall.request.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer closed the review after the fact of an emergency request: they confirmed what was
 * applied, or revoked it, in which case the request that undoes it is filed next.
 *
 * @param confirmed true for a confirmation, false for a revocation
 */
public record RoleRequestEmergencyReviewed(
        RoleRequestRef request,
        String actor,
        Instant occurredAt,
        int revision,
        boolean confirmed,
        @Nullable String comment)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return confirmed ? "request.emergency_confirmed" : "request.emergency_revoked";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("revision", revision);
        if (comment != null) {
            details.put("comment", comment);
        }
        return details;
    }
}
