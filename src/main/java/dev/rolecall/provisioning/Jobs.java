package dev.rolecall.provisioning;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This console's db-scheduler: schedules jobs and runs those that are due, its own and other
 * consoles'. Started with the application context and stopped (finishing the jobs it runs) with it.
 */
class Jobs implements SmartLifecycle, DisposableBean {

    private final Scheduler scheduler;
    private boolean started;
    private volatile boolean running;

    Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Schedules the job to run now unless it is scheduled already. Inside a transaction the job is
     * written in that transaction, and this console looks for it as soon as the transaction commits.
     *
     * @return whether a job was scheduled
     */
    boolean scheduleNow(TaskInstance<?> job) {
        boolean scheduled = scheduler.scheduleIfNotExists(job, Instant.now());
        if (scheduled && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        } else if (scheduled) {
            scheduler.triggerCheckForDueExecutions();
        }
        return scheduled;
    }

    /** The scheduler, for health and metrics. */
    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public synchronized void start() {
        if (started) {
            scheduler.resume();
        } else {
            scheduler.start();
            started = true;
        }
        running = true;
    }

    /** Stops taking jobs; jobs already running finish. */
    @Override
    public synchronized void stop() {
        scheduler.pause();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        scheduler.stop();
    }
}
