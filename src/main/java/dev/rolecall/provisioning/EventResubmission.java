package dev.rolecall.provisioning;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Hands event publications that a listener has not completed (its console died, or it threw) back
 * to their listeners, as a recurring db-scheduler job: one row in {@code scheduled_tasks}, so one
 * console at a time runs it, however many share the database. Spring Modulith's
 * {@code republish-outstanding-events-on-restart} would instead have every console re-publish every
 * outstanding event as it starts, and two consoles starting together would deliver each twice.
 *
 * <p>Only publications older than {@code event-resubmission-age} are handed back, so an event a
 * listener is still working on is not delivered again beside it. Today every listener in Rolecall
 * runs inside the publishing transaction, so no publication is ever outstanding; the job is there
 * for asynchronous listeners ({@code @ApplicationModuleListener}) as they are added.
 */
@Configuration(proxyBeanMethods = false)
class EventResubmission {

    static final String TASK = "resubmit-event-publications";

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    @Bean
    RecurringTask<Void> eventResubmissionTask(IncompleteEventPublications publications, JobsProperties properties) {
        return task(TASK, publications, properties.eventResubmissionInterval(), properties.eventResubmissionAge());
    }

    /** The job, under a name of the caller's choice (tests run theirs beside the application's). */
    static RecurringTask<Void> task(
            String name, IncompleteEventPublications publications, Duration interval, Duration age) {
        return Tasks.recurring(name, FixedDelay.of(interval)).execute((instance, context) -> {
            log.debug("job={} handing back event publications older than {}", name, age);
            publications.resubmitIncompletePublicationsOlderThan(age);
        });
    }
}
