package dev.rolecall.inventory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Keeps one revocation job per role with an expiry, due at the expiry: scheduled when a role with
 * an expiry is applied or adopted, moved when a change moves the expiry, cancelled when a change
 * removes it. Written in the caller's transaction.
 */
@Component
class ExpiryJobs {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJobs.class);

    private final SchedulerClient jobs;
    private final OneTimeTask<Void> expireTask;

    ExpiryJobs(
            @Qualifier("inventoryJobClient") SchedulerClient jobs,
            @Qualifier("expireRoleTask") OneTimeTask<Void> expireTask) {
        this.jobs = jobs;
        this.expireTask = expireTask;
    }

    /** The role's revocation job, due at its expiry, or none when it has no expiry or is gone. */
    void schedule(ManagedRole role) {
        TaskInstance<Void> job = expireTask.instance(role.id().toString());
        Instant expiresAt = role.expiresAt();
        boolean exists = jobs.getScheduledExecution(job).isPresent();
        if (expiresAt == null || !role.state().live()) {
            if (exists) {
                jobs.cancel(job);
                log.info("role={} job={} outcome=cancelled", role.roleName(), InventoryJobs.EXPIRE_TASK);
            }
            return;
        }
        if (exists) {
            jobs.reschedule(job, expiresAt);
        } else {
            jobs.scheduleIfNotExists(job, expiresAt);
        }
        log.info("role={} job={} due={} outcome=scheduled", role.roleName(), InventoryJobs.EXPIRE_TASK, expiresAt);
    }
}
