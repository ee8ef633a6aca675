package dev.rolecall.audit;

import dev.rolecall.request.events.RoleRequestActivity;
import dev.rolecall.request.events.RoleRequestRef;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every request activity in the audit trail. A plain synchronous listener: it runs in the
 * transaction that published the event, so the audit row commits or rolls back with the change,
 * and a change whose audit row cannot be written does not happen.
 */
@Component
class RequestActivityListener {

    private final AuditService audit;

    RequestActivityListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void on(RoleRequestActivity activity) {
        RoleRequestRef request = activity.request();
        audit.record(new AuditEntry(
                activity.occurredAt(),
                activity.actor(),
                activity.action(),
                request.id().value(),
                request.accountId(),
                request.roleName(),
                activity.details()));
    }
}
