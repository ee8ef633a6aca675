package dev.rolecall.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event to add to the audit trail.
 *
 * @param occurredAt when it happened; stored to the millisecond
 * @param actor the person, or {@code rolecall} for the system, that caused it
 * @param action a stable dotted name, e.g. {@code request.approved} or {@code audit.exported}
 * @param requestId the role request it concerns, if any
 * @param accountId the AWS account it concerns, if any
 * @param roleName the IAM role it concerns, if any
 * @param details what else an auditor needs to know; written as one JSON object
 */
record AuditEntry(
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID requestId,
        @Nullable String accountId,
        @Nullable String roleName,
        Map<String, ?> details) {

    public AuditEntry {
        if (actor.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an actor and an action");
        }
        details = Map.copyOf(details);
    }
}
