package dev.rolecall.inventory.events;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something the inventory did to a role, or an export of it. Published inside the transaction that
 * made the change, so the audit row commits or rolls back with it.
 *
 * @param actor the person, or {@code rolecall} for the system
 * @param action a stable name for the audit trail, e.g. {@code inventory.adopted}
 * @param accountId the role's account, or {@code null} for an export
 * @param roleName the role, or {@code null} for an export
 * @param details what else an auditor needs to know
 */
public record RoleInventoryActivity(
        String actor,
        Instant occurredAt,
        String action,
        @Nullable String accountId,
        @Nullable String roleName,
        Map<String, Object> details) {

    public RoleInventoryActivity {
        details = Map.copyOf(details);
    }
}
