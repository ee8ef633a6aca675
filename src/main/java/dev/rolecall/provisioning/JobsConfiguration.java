package dev.rolecall.provisioning;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.rolecall.request.RoleRequestId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The durable jobs: db-scheduler on the console's PostgreSQL, with one task per kind of job. A job
 * is a row in {@code scheduled_tasks}, claimed by one console at a time and kept alive by
 * heartbeats; when a console dies, another (or the same one after a restart) takes the job over.
 *
 * <p>The scheduler reads and writes through a transaction-aware view of the datasource, so a job
 * scheduled while a Spring transaction is open (the approval's) is part of that transaction: it
 * exists exactly when the approval commits.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    /** Applies an approved request, or resumes applying it; the instance id is the request id. */
    static final String APPLY_TASK = "apply-role-request";

    @Bean
    OneTimeTask<Void> applyTask(RoleApplier applier, JobsProperties properties) {
        return Tasks.oneTime(APPLY_TASK)
                .onFailure(retries(properties))
                .execute((instance, context) -> applier.apply(requestId(instance.getId())));
    }

    /** Rolls back a failed apply; the instance id is the request id. */
    static final String ROLL_BACK_TASK = "roll-back-role-request";

    @Bean
    OneTimeTask<Void> rollBackTask(RoleRollback rollback, JobsProperties properties) {
        return Tasks.oneTime(ROLL_BACK_TASK)
                .onFailure(retries(properties))
                .execute((instance, context) -> rollback.rollBack(requestId(instance.getId())));
    }

    @Bean
    Jobs jobs(DataSource dataSource, List<Task<?>> tasks, JobsProperties properties) {
        // Recurring tasks (other modules' too, e.g. the review SLA check) are scheduled when the scheduler starts.
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast)
                .toList();
        List<Task<?>> oneTime =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(consoleName()))
                .build();
        return new Jobs(scheduler);
    }

    /**
     * A job that ends by throwing failed inside Rolecall (every AWS outcome is recorded on the
     * request instead): it runs again later, backing off, a bounded number of times.
     */
    private static <T> FailureHandler<T> retries(JobsProperties properties) {
        return new FailureHandler.MaxRetriesFailureHandler<>(
                properties.maxFailures(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(properties.failureRetryDelay()));
    }

    /** Names this console in {@code scheduled_tasks.picked_by}: host and process id. */
    private static String consoleName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    static RoleRequestId requestId(String instanceId) {
        return new RoleRequestId(UUID.fromString(instanceId));
    }
}
