package dev.rolecall.audit;

import dev.rolecall.request.events.RoleRequestRef;
import dev.rolecall.request.events.RoleRequestSlaPassed;
import dev.rolecall.request.events.RoleRequestStageOpened;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records in the audit trail when a review stage starts waiting and when it passes its SLA, in the
 * transaction that made the change, like every request activity. A decision's stage, and the time
 * it took from the stage's opening, are read from these rows.
 */
@Component
class ReviewStageListener {

    /** The action of a stage's opening. */
    static final String STAGE_OPENED = "request.stage_opened";

    private final AuditService audit;
    private final Clock clock;

    ReviewStageListener(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(RoleRequestStageOpened opened) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", opened.stage());
        details.put("groups", opened.groups());
        details.put("approvalsNeeded", opened.approvalsNeeded());
        if (opened.dueAt() != null) {
            details.put("dueAt", AuditTime.format(opened.dueAt()));
        }
        record(opened.ref(), STAGE_OPENED, details);
    }

    @EventListener
    void on(RoleRequestSlaPassed passed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", passed.stage());
        if (passed.escalationGroup() != null) {
            details.put("escalationGroup", passed.escalationGroup());
        }
        record(passed.ref(), "request.sla_passed", details);
    }

    private void record(RoleRequestRef request, String action, Map<String, Object> details) {
        audit.record(new AuditEntry(
                clock.instant(),
                "rolecall",
                action,
                request.id().value(),
                request.accountId(),
                request.roleName(),
                details));
    }
}
