package dev.rolecall.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, from a job: one message, or one channel's digest. A message that
 * was sent is marked so, and a job that runs again for it sends nothing. A failure is recorded on
 * the message and thrown, so the job runs again later, backing off.
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationOutbox outbox;
    private final NotificationChannels channels;
    private final NotificationTexts texts;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final Clock clock;

    NotificationDelivery(
            NotificationOutbox outbox,
            NotificationChannels channels,
            NotificationTexts texts,
            EmailSender email,
            WebhookSender webhooks,
            Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.texts = texts;
        this.email = email;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Sends one message unless it was sent already. */
    void deliver(UUID id) {
        outbox.pending(id)
                .ifPresent(message ->
                        send(List.of(id), message.audience(), message.medium(), message.subject(), message.body()));
    }

    /** Sends one message with everything a channel's digest holds from before {@code until}. */
    void deliverDigest(Audience audience, Medium medium, Instant until) {
        List<NotificationOutbox.Pending> waiting = outbox.digestPending(audience, medium, until);
        if (waiting.isEmpty()) {
            return;
        }
        List<UUID> ids = waiting.stream().map(NotificationOutbox.Pending::id).toList();
        List<String> bodies = waiting.stream()
                .map(message -> message.subject() + "\n" + message.body())
                .toList();
        send(ids, audience, medium, texts.digestSubject(waiting.size()), texts.digestBody(bodies));
    }

    private void send(List<UUID> ids, Audience audience, Medium medium, String subject, String body) {
        try {
            switch (medium) {
                case EMAIL -> email.send(channels.emails(audience), subject, body);
                case WEBHOOK ->
                    webhooks.send(
                            channels.webhook(audience)
                                    .orElseThrow(() -> new DeliveryFailedException("no webhook configured any more")),
                            subject + "\n" + body);
            }
        } catch (DeliveryFailedException e) {
            outbox.recordFailure(ids, e.reason());
            log.warn(
                    "notifications={} audience={} medium={} outcome=failed error=\"{}\"",
                    ids.size(),
                    audience.key(),
                    medium,
                    e.reason());
            throw e;
        }
        outbox.markSent(ids, clock.instant());
        log.info("notifications={} audience={} medium={} outcome=sent", ids.size(), audience.key(), medium);
    }
}
