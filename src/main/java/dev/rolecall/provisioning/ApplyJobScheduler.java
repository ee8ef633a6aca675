package dev.rolecall.provisioning;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.events.RoleApplyStarted;
import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRollbackStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns an approval, and a person's retry of a failed apply, into an apply job, and a person's
 * rollback of a failed apply into a rollback job. Listens
 * synchronously, inside the transaction that records the decision or the retry, so the job and the
 * decision commit together: there is never one without the other.
 */
@Component
class ApplyJobScheduler {

    private static final Logger log = LoggerFactory.getLogger(ApplyJobScheduler.class);

    private final Jobs jobs;
    private final OneTimeTask<Void> applyTask;
    private final OneTimeTask<Void> rollBackTask;

    ApplyJobScheduler(
            Jobs jobs,
            @Qualifier("applyTask") OneTimeTask<Void> applyTask,
            @Qualifier("rollBackTask") OneTimeTask<Void> rollBackTask) {
        this.jobs = jobs;
        this.applyTask = applyTask;
        this.rollBackTask = rollBackTask;
    }

    @EventListener
    void on(RoleRequestApproved approved) {
        schedule(approved.request().id());
    }

    @EventListener
    void on(RoleApplyStarted started) {
        if (started.retry()) {
            schedule(started.request().id());
        }
    }

    @EventListener
    void on(RoleRollbackStarted started) {
        schedule(rollBackTask, started.request().id());
    }

    private void schedule(RoleRequestId id) {
        schedule(applyTask, id);
    }

    private void schedule(OneTimeTask<Void> task, RoleRequestId id) {
        boolean scheduled = jobs.scheduleNow(task.instance(id.value().toString()));
        log.info("request={} job={} outcome={}", id, task.getName(), scheduled ? "scheduled" : "exists");
    }
}
