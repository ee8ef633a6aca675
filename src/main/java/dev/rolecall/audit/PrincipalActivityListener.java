package dev.rolecall.audit;

import dev.rolecall.identity.activity.PrincipalChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records an admin's changes to who may act: service accounts created, disabled or enabled, and
 * people who sign in through the provider disabled or enabled. Synchronous, inside the change's
 * transaction: a change whose audit row cannot be written does not happen.
 */
@Component
class PrincipalActivityListener {

    private final AuditService audit;

    PrincipalActivityListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void on(PrincipalChanged changed) {
        audit.record(new AuditEntry(
                changed.occurredAt(), changed.actor(), changed.action(), null, null, null, changed.details()));
    }
}
