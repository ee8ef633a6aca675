package dev.rolecall.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Notification jobs on the console's db-scheduler (the one scheduler of the console runs every
 * {@link Task} bean): sending one message, sending one channel's digest, and the daily run that
 * starts the digests. Sending retries with exponential back-off and gives up after
 * {@code rolecall.notifications.max-retries}; a message given up keeps its last error.
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

    /** Sends one message; the instance id is the notification id. */
    static final String SEND_TASK = "send-notification";

    /** Sends one channel's digest; the instance id is {@code <audience>|<medium>|<until>}. */
    static final String DIGEST_TASK = "send-notification-digest";

    /** Once a day, starts a digest job for each channel with messages waiting. */
    static final String DAILY_DIGESTS_TASK = "notification-digests";

    @Bean
    OneTimeTask<Void> sendNotificationTask(NotificationDelivery delivery, NotificationProperties properties) {
        return Tasks.oneTime(SEND_TASK)
                .onFailure(retries(properties))
                .execute((instance, context) -> delivery.deliver(UUID.fromString(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> sendDigestTask(NotificationDelivery delivery, NotificationProperties properties) {
        return Tasks.oneTime(DIGEST_TASK).onFailure(retries(properties)).execute((instance, context) -> {
            String[] parts = instance.getId().split("\\|", 3);
            delivery.deliverDigest(new Audience(parts[0]), Medium.valueOf(parts[1]), Instant.parse(parts[2]));
        });
    }

    @Bean
    RecurringTask<Void> dailyDigestsTask(
            NotificationOutbox outbox,
            NotificationProperties properties,
            @Qualifier("sendDigestTask") OneTimeTask<Void> digest) {
        return Tasks.recurring(DAILY_DIGESTS_TASK, Schedules.daily(ZoneOffset.UTC, properties.digestAt()))
                .execute((instance, context) -> {
                    Instant until = context.getExecution().executionTime;
                    for (NotificationOutbox.DigestChannel channel : outbox.digestChannels(until)) {
                        String id = channel.audience().key() + "|" + channel.medium() + "|" + until;
                        context.getSchedulerClient().scheduleIfNotExists(digest.instance(id), until);
                    }
                });
    }

    @Bean
    NotificationQueue notificationQueue(
            DataSource dataSource,
            @Qualifier("sendNotificationTask") OneTimeTask<Void> send,
            @Qualifier("sendDigestTask") OneTimeTask<Void> digest,
            @Qualifier("dailyDigestsTask") RecurringTask<Void> daily) {
        SchedulerClient client = SchedulerClient.Builder.create(
                        new TransactionAwareDataSourceProxy(dataSource), List.<Task<?>>of(send, digest, daily))
                .build();
        return new NotificationQueue(client, send, daily);
    }

    private static <T> FailureHandler<T> retries(NotificationProperties properties) {
        return new FailureHandler.MaxRetriesFailureHandler<>(
                properties.maxRetries(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryDelay()),
                (complete, operations) -> log.error(
                        "job={} instance={} outcome=given-up after {} tries",
                        complete.getExecution().taskInstance.getTaskName(),
                        complete.getExecution().taskInstance.getId(),
                        complete.getExecution().consecutiveFailures + 1));
    }
}
