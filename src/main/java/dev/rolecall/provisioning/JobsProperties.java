package dev.rolecall.provisioning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this console runs the durable jobs it shares with other consoles on the same database, as
 * {@code rolecall.provisioning.jobs.*}.
 *
 * @param threads jobs this console runs at once
 * @param pollingInterval how often this console looks for jobs that are due; a job scheduled here
 *     starts at once, a job scheduled by another console within this interval
 * @param heartbeatInterval how often a console running a job says it is still alive
 * @param missedHeartbeats heartbeats a job may miss before another console takes it over, as
 *     after a crash; the takeover comes after about {@code heartbeatInterval × missedHeartbeats}
 * @param failureRetryDelay the first wait before a job that failed inside Rolecall (for example,
 *     with the database unreachable) runs again, doubling on each further failure
 * @param maxFailures how often such a job is run again before it is given up
 * @param eventResubmissionInterval how often one console (whichever takes the job) hands event
 *     publications that a listener has not completed back to their listeners
 * @param eventResubmissionAge how old such a publication must be before it is handed back, so that
 *     a listener still at work is not given the same event twice
 * @param haltAfterCall for crash-recovery tests only, never in production: the name of an IAM call
 *     (e.g. {@code CreateRole}) after whose success the console halts at once, as if killed, before
 *     recording the call; unset, nothing halts
 */
@ConfigurationProperties("rolecall.provisioning.jobs")
@Validated
record JobsProperties(
        @DefaultValue("4") @Min(1) @Max(64) int threads,
        @DefaultValue("2s") Duration pollingInterval,
        @DefaultValue("30s") Duration heartbeatInterval,
        @DefaultValue("4") @Min(2) int missedHeartbeats,
        @DefaultValue("5s") Duration failureRetryDelay,
        @DefaultValue("10") @Min(0) int maxFailures,
        @DefaultValue("1m") Duration eventResubmissionInterval,
        @DefaultValue("5m") Duration eventResubmissionAge,
        @Nullable String haltAfterCall) {}
