package dev.rolecall.audit;

import dev.rolecall.inventory.events.RoleInventoryActivity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the role inventory does (adoption, expiry, drift found and resolved, exports).
 * Synchronous, like {@link RequestActivityListener}: the audit row commits with the change.
 */
@Component
class InventoryActivityListener {

    private final AuditService audit;

    InventoryActivityListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void on(RoleInventoryActivity activity) {
        audit.record(new AuditEntry(
                activity.occurredAt(),
                activity.actor(),
                activity.action(),
                null,
                activity.accountId(),
                activity.roleName(),
                activity.details()));
    }
}
