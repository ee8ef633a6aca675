package dev.rolecall.request.events;

import java.time.Instant;
import java.util.Map;

/**
 * A person allowed to break the glass filed the request as an emergency: it skips its route, is
 * approved by the system at once and applied, and its review happens after the fact.
 *
 * @param reason why it could not wait, in the filer's words
 */
public record RoleRequestEmergencyFiled(
        RoleRequestRef request, String actor, Instant occurredAt, int revision, String reason)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.emergency";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("revision", revision, "reason", reason);
    }
}
