package dev.rolecall.provisioning;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.rolecall.request.RoleApplyStarted;
import dev.rolecall.request.RoleRequestApproved;
import dev.rolecall.request.RoleRequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns an approval, and a person's retry of a failed apply, into an apply job. Listens
 * synchronously, inside the transaction that records the decision or the retry, so the job and the
 * decision commit together: there is never one without the other.
 */
@Component
class ApplyJobScheduler {

    private static final Logger log = LoggerFactory.getLogger(ApplyJobScheduler.class);

    private final Jobs jobs;
    private final OneTimeTask<Void> applyTask;

    ApplyJobScheduler(Jobs jobs, OneTimeTask<Void> applyTask) {
        this.jobs = jobs;
        this.applyTask = applyTask;
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

    private void schedule(RoleRequestId id) {
        boolean scheduled = jobs.scheduleNow(applyTask.instance(id.value().toString()));
        log.info("request={} job={} outcome={}", id, JobsConfiguration.APPLY_TASK, scheduled ? "scheduled" : "exists");
    }
}
