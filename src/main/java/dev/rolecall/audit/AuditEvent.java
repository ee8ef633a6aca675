package dev.rolecall.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded event of the audit trail, as read back.
 *
 * @param eventId its position in the trail; later events have larger ids
 * @param details a JSON object, exactly as recorded
 */
public record AuditEvent(
        long eventId,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID requestId,
        @Nullable String accountId,
        @Nullable String roleName,
        String details) {}
