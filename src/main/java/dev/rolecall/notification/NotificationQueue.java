package dev.rolecall.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Schedules notification jobs. The scheduler writes through a transaction-aware view of the
 * datasource, so a job scheduled while a transaction is open exists exactly when that transaction
 * (the one that wrote the message) commits.
 */
class NotificationQueue {

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> send;
    private final RecurringTask<Void> dailyDigests;

    NotificationQueue(SchedulerClient scheduler, OneTimeTask<Void> send, RecurringTask<Void> dailyDigests) {
        this.scheduler = scheduler;
        this.send = send;
        this.dailyDigests = dailyDigests;
    }

    /** Sends the message as soon as a console's scheduler looks for due jobs. */
    void sendSoon(UUID notification, Instant now) {
        scheduler.scheduleIfNotExists(send.instance(notification.toString()), now);
    }

    /** Makes sure the daily digest run is scheduled; every console asks, the first one's run stands. */
    @EventListener(ApplicationReadyEvent.class)
    void scheduleDailyDigests() {
        scheduler.scheduleIfNotExists(dailyDigests.schedulableInstance(RecurringTask.INSTANCE));
    }
}
