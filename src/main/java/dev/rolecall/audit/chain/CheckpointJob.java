package dev.rolecall.audit.chain;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The checkpoint job: a db-scheduler recurring task, run by whichever console's scheduler takes it
 * (one at a time), every {@code checkpoint-check}; each run writes a checkpoint when one is due.
 * Every task bean joins the console's scheduler; this class only puts the recurring instance in
 * {@code scheduled_tasks} once, at start, if no console did so before.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointJob {

    static final String TASK = "audit-checkpoint";

    @Bean
    RecurringTask<Void> auditCheckpointTask(AuditCheckpoints checkpoints, AuditChainProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.checkpointCheck()))
                .execute((instance, context) -> checkpoints.writeIfDue());
    }

    @Bean
    Scheduling auditCheckpointScheduling(DataSource dataSource, RecurringTask<Void> auditCheckpointTask) {
        return new Scheduling(dataSource, auditCheckpointTask);
    }

    /** Puts the recurring instance in {@code scheduled_tasks} unless it is there. */
    static final class Scheduling {

        private final DataSource dataSource;
        private final RecurringTask<Void> task;

        Scheduling(DataSource dataSource, RecurringTask<Void> task) {
            this.dataSource = dataSource;
            this.task = task;
        }

        @EventListener(ApplicationReadyEvent.class)
        void scheduleOnce() {
            SchedulerClient client =
                    SchedulerClient.Builder.create(dataSource, List.of(task)).build();
            client.scheduleIfNotExists(task.instance(RecurringTask.INSTANCE), Instant.now());
        }
    }
}
