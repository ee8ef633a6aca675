package dev.rolecall.inventory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The inventory's durable jobs, run by the console's db-scheduler (provisioning runs every task bean
 * of the context) and so shared by every console on the database: a job is claimed by one console,
 * and survives a restart or a crash. Jobs are scheduled through a client on the same table, in the
 * caller's transaction.
 */
@Configuration(proxyBeanMethods = false)
class InventoryJobs {

    /** Revokes one role at its expiry; the instance id is the role's id. */
    static final String EXPIRE_TASK = "expire-role";

    /** Marks roles that start expiring and schedules any missing revocation. */
    static final String EXPIRY_SWEEP_TASK = "inventory-expiry-sweep";

    /** Compares the managed roles of every applying account that is due (its drift interval passed) with AWS. */
    static final String DRIFT_SCAN_TASK = "inventory-drift-scan";

    /** Restores one drifted role to its approved spec; the instance id is the role's id. */
    static final String REAPPLY_TASK = "reapply-role";

    /** A job that failed inside Rolecall or at AWS runs again, backing off from this delay. */
    private static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    private static final int MAX_RETRIES = 10;

    @Bean
    OneTimeTask<Void> expireRoleTask(@Lazy RoleExpiry expiry) {
        return Tasks.oneTime(EXPIRE_TASK)
                .onFailure(retries())
                .execute((instance, context) -> expiry.expire(UUID.fromString(instance.getId())));
    }

    @Bean
    RecurringTask<Void> expirySweepTask(@Lazy RoleExpiry expiry, InventoryProperties properties) {
        return Tasks.recurring(EXPIRY_SWEEP_TASK, FixedDelay.of(properties.expirySweep()))
                .execute((instance, context) -> expiry.sweep());
    }

    @Bean
    RecurringTask<Void> driftScanTask(@Lazy DriftCheck drift, DriftSchedule schedule) {
        return Tasks.recurring(DRIFT_SCAN_TASK, FixedDelay.of(schedule.tick()))
                .execute((instance, context) -> drift.scanDue(schedule));
    }

    @Bean
    OneTimeTask<Void> reapplyRoleTask(@Lazy DriftCheck drift) {
        return Tasks.oneTime(REAPPLY_TASK)
                .onFailure(retries())
                .execute((instance, context) -> drift.reapply(UUID.fromString(instance.getId())));
    }

    @Bean
    SchedulerClient inventoryJobClient(DataSource dataSource, List<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .build();
    }

    /**
     * Recurring jobs exist once, whichever console started first, and each reschedules itself. One
     * due later than its interval from now (the interval was shortened) is brought forward.
     */
    @EventListener(ApplicationReadyEvent.class)
    void scheduleRecurring(ApplicationReadyEvent ready) {
        SchedulerClient client = ready.getApplicationContext().getBean("inventoryJobClient", SchedulerClient.class);
        InventoryProperties properties = ready.getApplicationContext().getBean(InventoryProperties.class);
        Instant now = Instant.now();
        schedule(
                client,
                ready.getApplicationContext().getBean("expirySweepTask", RecurringTask.class),
                now.plus(properties.expirySweep()),
                now);
        schedule(
                client,
                ready.getApplicationContext().getBean("driftScanTask", RecurringTask.class),
                now.plus(ready.getApplicationContext()
                        .getBean(DriftSchedule.class)
                        .tick()),
                now);
    }

    private static void schedule(SchedulerClient client, RecurringTask<?> task, Instant latest, Instant now) {
        TaskInstance<?> instance = task.instance(RecurringTask.INSTANCE);
        boolean late = client.getScheduledExecution(instance)
                .map(execution -> execution.getExecutionTime().isAfter(latest) && !execution.isPicked())
                .orElse(false);
        if (late) {
            client.reschedule(instance, now);
        } else {
            client.scheduleIfNotExists(instance, now);
        }
    }

    static <T> FailureHandler<T> retries() {
        return new FailureHandler.MaxRetriesFailureHandler<>(
                MAX_RETRIES, new FailureHandler.ExponentialBackoffFailureHandler<>(RETRY_DELAY));
    }
}
