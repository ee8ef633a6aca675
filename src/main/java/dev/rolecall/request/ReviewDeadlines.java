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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

    ReviewDeadlines(RoleRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Marks every stage whose SLA passed by the clock's now; returns how many it marked. */
    @Transactional
    public int markOverdue() {
        Instant now = clock.instant();
        List<UUID> due = requests.findWithStagePastSla(now, org.springframework.data.domain.Limit.of(BATCH));
        int marked = 0;
        for (UUID id : due) {
            RoleRequest request = requests.findById(id).orElseThrow();
            if (request.markOverdue(now)) {
                requests.save(request);
                marked++;
            }
        }
        if (marked > 0) {
            log.info("action=mark-overdue stages={}", marked);
        }
        return marked;
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
