package dev.rolecall.provisioning;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The jobs every console shares, as gauges read from {@code scheduled_tasks} when scraped
 * ({@code rolecall_jobs_waiting}, {@code rolecall_jobs_oldest_waiting_seconds}), and this console's
 * scheduler in {@code /actuator/health} (component {@code scheduler}).
 */
@Component("scheduler")
class JobMetrics implements HealthIndicator {

    private final JdbcTemplate jdbc;
    private final Jobs jobs;
    private final Clock clock;

    JobMetrics(JdbcTemplate jdbc, Jobs jobs, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        Gauge.builder("rolecall.jobs.waiting", this::waiting)
                .description("Jobs due and not yet taken by any console")
                .register(registry);
        Gauge.builder("rolecall.jobs.oldest.waiting", this::oldestWaitingSeconds)
                .description("How long the oldest job due has waited to be taken, in seconds")
                .baseUnit("seconds")
                .register(registry);
    }

    double waiting() {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()", Integer.class);
        return count == null ? 0 : count;
    }

    double oldestWaitingSeconds() {
        Timestamp oldest = jdbc.queryForObject(
                "SELECT min(execution_time) FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()",
                Timestamp.class);
        return oldest == null
                ? 0
                : Math.max(
                        0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    }

    /** UP while this console's scheduler takes jobs; OUT_OF_SERVICE while paused or stopping. */
    @Override
    public Health health() {
        var state = jobs.scheduler().getSchedulerState();
        Health.Builder health =
                state.isStarted() && !state.isPaused() && !state.isShuttingDown() ? Health.up() : Health.outOfService();
        return health.withDetail(
                        "running", jobs.scheduler().getCurrentlyExecuting().size())
                .withDetail("waiting", (long) waiting())
                .build();
    }
}
