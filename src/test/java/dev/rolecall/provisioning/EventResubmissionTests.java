package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.rolecall.test.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Outstanding event publications are handed back by one console at a time: no console
 * re-publishes them as it starts, and two consoles' schedulers on one database never run the
 * resubmission job at once.
 */
class EventResubmissionTests {

    static DriverManagerDataSource dataSource;

    @BeforeAll
    static void database() {
        TestDatabase.Connection connection = TestDatabase.connection();
        Flyway.configure()
                .dataSource(connection.url(), connection.ownerUsername(), connection.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_user", connection.username()))
                .load()
                .migrate();
        dataSource = new DriverManagerDataSource(connection.url(), connection.username(), connection.password());
    }

    @Test
    void noConsoleRepublishesOutstandingEventsAsItStarts() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String republish =
                yaml.getObject().getProperty("spring.modulith.events.republish-outstanding-events-on-restart");
        assertThat(republish).isIn(null, "false");
    }

    @Test
    void twoConsolesNeverHandBackOutstandingEventsAtTheSameTime() {
        CountingPublications publications = new CountingPublications();
        // A name of its own, so that an application's scheduler on the shared test database stays out.
        String name = EventResubmission.TASK + "-" + UUID.randomUUID();
        Scheduler consoleA =
                scheduler(EventResubmission.task(name, publications, Duration.ofMillis(50), Duration.ofMinutes(5)));
        Scheduler consoleB =
                scheduler(EventResubmission.task(name, publications, Duration.ofMillis(50), Duration.ofMinutes(5)));
        try {
            consoleA.start();
            consoleB.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> publications.runs.get() >= 6);
        } finally {
            consoleA.stop();
            consoleB.stop();
            // An application's scheduler on the shared test database would find the row of a task it does not know.
            new JdbcTemplate(dataSource).update("DELETE FROM scheduled_tasks WHERE task_name = ?", name);
        }
        assertThat(publications.mostAtOnce.get())
                .as("resubmissions running at once")
                .isEqualTo(1);
        assertThat(publications.ages).containsOnly(Duration.ofMinutes(5));
    }

    private static Scheduler scheduler(RecurringTask<Void> task) {
        return Scheduler.create(dataSource)
                .startTasks(task)
                .pollingInterval(Duration.ofMillis(50))
                .threads(2)
                .build();
    }

    /** Counts resubmissions and how many overlap; each takes a while, as delivering events would. */
    static final class CountingPublications implements IncompleteEventPublications {

        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<Duration> ages = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            ages.add(duration);
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                runs.incrementAndGet();
            }
        }

        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            throw new UnsupportedOperationException("the job resubmits by age");
        }

        @Override
        public void resubmitIncompletePublications(ResubmissionOptions options) {
            throw new UnsupportedOperationException("the job resubmits by age");
        }
    }
}
