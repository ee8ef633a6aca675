package dev.rolecall.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to list or export. The audit page, its CSV download and the API share this
 * one query, so a bookmark, a file and the screen always agree.
 *
 * @param from earliest time, inclusive, or {@code null} for no lower bound
 * @param to latest time, exclusive, or {@code null} for no upper bound
 * @param actor exactly this actor, or {@code null} for anyone
 * @param requestId only events of this request, or {@code null} for all
 * @param action exactly this action, e.g. {@code request.approved}, or {@code null} for every action
 * @param accountId only events in this AWS account, or {@code null} for all
 * @param roleName only events about a role of this name, or {@code null} for all
 */
public record AuditFilter(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String actor,
        @Nullable UUID requestId,
        @Nullable String action,
        @Nullable String accountId,
        @Nullable String roleName) {

    public AuditFilter {
        actor = stripped(actor);
        action = stripped(action);
        accountId = stripped(accountId);
        roleName = stripped(roleName);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** A filter by time, actor and request only. */
    public AuditFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String actor, @Nullable UUID requestId) {
        this(from, to, actor, requestId, null, null, null);
    }

    private static @Nullable String stripped(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A time as the trail writes it and the filters read it back, e.g. {@code 2026-11-28T10:15:30.123Z}. */
    public static String formatTime(Instant time) {
        return AuditTime.format(time);
    }

    /** Every event. */
    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null);
    }

    /** Whether this filter lets every event through. */
    public boolean isEmpty() {
        return from == null
                && to == null
                && actor == null
                && requestId == null
                && action == null
                && accountId == null
                && roleName == null;
    }

    /** The filter as name/value pairs, for the audit trail's own record of an export. */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        if (from != null) {
            described.put("from", AuditTime.format(from));
        }
        if (to != null) {
            described.put("to", AuditTime.format(to));
        }
        if (actor != null) {
            described.put("actor", actor);
        }
        if (requestId != null) {
            described.put("requestId", requestId.toString());
        }
        if (action != null) {
            described.put("action", action);
        }
        if (accountId != null) {
            described.put("accountId", accountId);
        }
        if (roleName != null) {
            described.put("roleName", roleName);
        }
        return described;
    }
}
