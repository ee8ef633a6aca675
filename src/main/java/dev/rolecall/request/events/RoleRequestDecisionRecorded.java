package dev.rolecall.request.events;

import dev.rolecall.request.DecisionType;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A reviewer decided on a revision, with their comment. */
public record RoleRequestDecisionRecorded(
        RoleRequestRef request,
        String actor,
        Instant occurredAt,
        int revision,
        DecisionType decision,
        @Nullable String comment)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "request.decision";
    }

    @Override
    public Map<String, Object> details() {
        return comment == null
                ? Map.of("revision", revision, "decision", decision)
                : Map.of("revision", revision, "decision", decision, "comment", comment);
    }
}
