package dev.rolecall.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded event of the audit trail, as read back.
 *
 * @param eventId its position in the trail; later events have larger ids
 * @param details a JSON object, exactly as recorded
 * @param prevHash the hash of the event before it in the chain, lower-case hex; {@code null} if
 *     the event is not chained
 * @param hash the event's own hash (HMAC-SHA-256), lower-case hex; {@code null} if not chained
 */
public record AuditEvent(
        long eventId,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable UUID requestId,
        @Nullable String accountId,
        @Nullable String roleName,
        String details,
        @Nullable String prevHash,
        @Nullable String hash) {

    /** An event as read without its place in the chain. */
    public AuditEvent(
            long eventId,
            Instant occurredAt,
            String actor,
            String action,
            @Nullable UUID requestId,
            @Nullable String accountId,
            @Nullable String roleName,
            String details) {
        this(eventId, occurredAt, actor, action, requestId, accountId, roleName, details, null, null);
    }
}
