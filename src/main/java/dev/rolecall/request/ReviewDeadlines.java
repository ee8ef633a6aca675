package dev.rolecall.request;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review SLAs: a stage still waiting when its SLA passes is marked overdue, once, and
 * {@link dev.rolecall.request.events.RoleRequestSlaPassed} tells its escalation group. Runs as a
 * recurring db-scheduler job, so one console at a time checks.
 */
@Component
class ReviewDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ReviewDeadlines.class);

    /** How many requests one run marks at most; the next run takes the rest. */
    static final int BATCH = 200;

    private final RoleRequestRepository requests;
    private final Clock clock;
    private final TransactionTemplate perRequest;

    ReviewDeadlines(RoleRequestRepository requests, Clock clock, PlatformTransactionManager transactions) {
        this.requests = requests;
        this.clock = clock;
        this.perRequest = new TransactionTemplate(transactions);
        this.perRequest.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Marks every stage whose SLA passed by the clock's now; returns how many it marked. Each request
     * is marked in a transaction of its own, so one that changed meanwhile (an emergency's apply job
     * moving it on) is left for the next run instead of undoing the others.
     */
    public int markOverdue() {
        Instant now = clock.instant();
        List<UUID> due = requests.findWithStagePastSla(now, BATCH);
        int marked = 0;
        for (UUID id : due) {
            if (markOverdue(id, now)) {
                marked++;
            }
        }
        if (marked > 0) {
            log.info("action=mark-overdue stages={}", marked);
        }
        return marked;
    }

    private boolean markOverdue(UUID id, Instant now) {
        try {
            return Boolean.TRUE.equals(perRequest.execute(status -> {
                RoleRequest request = requests.findById(id).orElseThrow();
                if (!request.markOverdue(now)) {
                    return false;
                }
                requests.saveAndFlush(request);
                return true;
            }));
        } catch (OptimisticLockingFailureException e) {
            log.info("action=mark-overdue request={} outcome=changed-meanwhile next=next-run", id);
            return false;
        }
    }

    /** The recurring job; the scheduler starts it with the console. */
    @Configuration(proxyBeanMethods = false)
    static class Job {

        static final String TASK = "review-sla";

        @Bean
        RecurringTask<Void> reviewSlaTask(ReviewDeadlines deadlines) {
            return Tasks.recurring(TASK, FixedDelay.ofMinutes(1))
                    .execute((instance, context) -> deadlines.markOverdue());
        }
    }
}
