package dev.rolecall.notification;

import dev.rolecall.request.events.RoleApplicationFailed;
import dev.rolecall.request.events.RoleApplied;
import dev.rolecall.request.events.RolePlanRecorded;
import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRequestChangesRequested;
import dev.rolecall.request.events.RoleRequestSlaPassed;
import dev.rolecall.request.events.RoleRequestStageOpened;
import dev.rolecall.request.events.RoleRequestSubmitted;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    private final Notifier notifier;
    private final NotificationOutbox outbox;
    private final Clock clock;

    NotificationListener(Notifier notifier, NotificationOutbox outbox, Clock clock) {
        this.notifier = notifier;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The first submission names the requester, who hears of decisions and the outcome. */
    @ApplicationModuleListener
    void on(RoleRequestSubmitted submitted) {
        outbox.rememberRequester(submitted.request().id().value(), submitted.actor());
    }

    /**
     * A stage waits for its groups: each is told; the stage of an emergency says it was applied
     * already and is reviewed after the fact. A stage opens once per revision, and its due
     * time (opening plus SLA) names that opening.
     */
    @ApplicationModuleListener
    void on(RoleRequestStageOpened opened) {
        Object opening = opened.dueAt() == null ? "open" : opened.dueAt().toEpochMilli();
        notifier.notify(
                Notice.of(
                        opened.emergency() ? NoticeKind.EMERGENCY_REVIEW : NoticeKind.REVIEW_NEEDED,
                        opened.ref(),
                        opened.stage() + ":" + opening,
                        "rolecall",
                        Integer.toString(opened.stage())),
                opened.groups().stream().map(Audience::group).toList());
    }

    /** A stage passed its SLA: the escalation group is told, once a day at most for the same stage. */
    @ApplicationModuleListener
    void on(RoleRequestSlaPassed passed) {
        String group = passed.escalationGroup();
        if (group != null) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            notifier.notify(
                    Notice.of(
                            NoticeKind.SLA_PASSED,
                            passed.ref(),
                            passed.stage() + ":" + today,
                            "rolecall",
                            Integer.toString(passed.stage())),
                    List.of(Audience.group(group)));
        }
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
