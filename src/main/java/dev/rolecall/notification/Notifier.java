package dev.rolecall.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a notice to the outbox once per channel of each audience, and schedules the sending of
 * each message that does not wait for a digest, in the caller's transaction.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationChannels channels;
    private final NotificationTexts texts;
    private final NotificationOutbox outbox;
    private final NotificationQueue queue;
    private final Clock clock;

    Notifier(
            NotificationChannels channels,
            NotificationTexts texts,
            NotificationOutbox outbox,
            NotificationQueue queue,
            Clock clock) {
        this.channels = channels;
        this.texts = texts;
        this.outbox = outbox;
        this.queue = queue;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void notify(Notice notice, List<Audience> audiences) {
        Instant now = clock.instant();
        String subject = texts.subject(notice);
        String body = texts.body(notice);
        for (Audience audience : audiences) {
            for (NotificationChannels.Delivery delivery : channels.deliveries(audience)) {
                Optional<UUID> added = outbox.add(notice, audience, delivery, subject, body, now);
                added.filter(id -> !delivery.digest()).ifPresent(id -> queue.sendSoon(id, now));
                log.info(
                        "event={} audience={} medium={} outcome={}",
                        notice.eventKey(),
                        audience.key(),
                        delivery.medium(),
                        added.isEmpty() ? "told-before" : delivery.digest() ? "digest" : "queued");
            }
        }
    }

    /** Tells the person who filed the request, if Rolecall knows them. */
    @Transactional(propagation = Propagation.MANDATORY)
    void notifyRequester(Notice notice) {
        UUID requestId = notice.requestId();
        Optional<String> requester = requestId == null ? Optional.empty() : outbox.requesterOf(requestId);
        if (requester.isEmpty()) {
            log.info("event={} outcome=no-requester-known", notice.eventKey());
            return;
        }
        notify(notice, List.of(Audience.person(requester.get())));
    }
}
