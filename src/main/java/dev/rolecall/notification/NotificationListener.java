package dev.rolecall.notification;

import dev.rolecall.request.events.RoleApplicationFailed;
import dev.rolecall.request.events.RoleApplied;
import dev.rolecall.request.events.RolePlanRecorded;
import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRequestChangesRequested;
import dev.rolecall.request.events.RoleRequestSubmitted;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns request events into notifications. Each handler runs after the change committed, on
 * another thread, in a transaction of its own that writes the messages and schedules their
 * sending: a decision never waits for, or fails with, a channel. Spring Modulith keeps each event until its handler
 * completes and hands it over again after a restart; the outbox's unique key per event and channel
 * makes the second delivery a no-op.
 */
@Component
class NotificationListener {

    /** The group every request goes to for review: the default route. */
    static final String REVIEW_GROUP = "security";

    private final Notifier notifier;
    private final NotificationOutbox outbox;

    NotificationListener(Notifier notifier, NotificationOutbox outbox) {
        this.notifier = notifier;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(RoleRequestSubmitted submitted) {
        outbox.rememberRequester(submitted.request().id().value(), submitted.actor());
        notifier.notify(
                Notice.of(NoticeKind.REVIEW_NEEDED, submitted.request(), submitted.revision(), submitted.actor(), ""),
                List.of(Audience.group(REVIEW_GROUP)));
    }

    @ApplicationModuleListener
    void on(RoleRequestChangesRequested changes) {
        notifier.notifyRequester(
                Notice.of(NoticeKind.CHANGES_REQUESTED, changes.request(), changes.revision(), changes.actor(), ""));
    }

    @ApplicationModuleListener
    void on(RoleRequestApproved approved) {
        notifier.notifyRequester(
                Notice.of(NoticeKind.APPROVED, approved.request(), approved.revision(), approved.actor(), ""));
    }

    @ApplicationModuleListener
    void on(RolePlanRecorded planned) {
        notifier.notifyRequester(Notice.of(
                NoticeKind.PLANNED,
                planned.request(),
                planned.occurredAt().toEpochMilli(),
                planned.actor(),
                Integer.toString(planned.calls())));
    }

    @ApplicationModuleListener
    void on(RoleApplied applied) {
        notifier.notifyRequester(Notice.of(
                NoticeKind.APPLIED,
                applied.request(),
                applied.occurredAt().toEpochMilli(),
                applied.actor(),
                applied.roleArn()));
    }

    @ApplicationModuleListener
    void on(RoleApplicationFailed failed) {
        notifier.notifyRequester(Notice.of(
                NoticeKind.FAILED,
                failed.request(),
                failed.occurredAt().toEpochMilli(),
                failed.actor(),
                failed.errorCode()));
    }
}
