package dev.rolecall.notification;

import dev.rolecall.identity.UserDirectory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The configured channels: which media reach an audience, and where each goes. Checked when the
 * console starts: a channel with email addresses and no mail server refuses the start, so a
 * misconfigured channel is found at once rather than by the first message that cannot be sent.
 */
@Component
class NotificationChannels {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

    /** One way an audience is reached. */
    record Delivery(Medium medium, boolean digest) {}

    private final NotificationProperties properties;
    private final UserDirectory users;
    private final boolean mail;

    NotificationChannels(
            NotificationProperties properties, UserDirectory users, ObjectProvider<JavaMailSender> mailSender) {
        this.properties = properties;
        this.users = users;
        this.mail = mailSender.getIfAvailable() != null;
        properties.channels().forEach((group, channel) -> {
            if (!channel.emails().isEmpty() && !mail) {
                throw new IllegalStateException("rolecall.notifications.channels." + group
                        + ".emails needs a mail server: set spring.mail.host (and spring.mail.port)");
            }
        });
        if (!mail) {
            log.info("No mail server (spring.mail.host): requesters are not emailed");
        }
    }

    /** The media that reach an audience now; none for a group without a channel or a person without email. */
    List<Delivery> deliveries(Audience audience) {
        List<Delivery> deliveries = new ArrayList<>();
        if (audience.isGroup()) {
            NotificationProperties.Channel channel = properties.channels().get(audience.name());
            if (channel != null && !channel.emails().isEmpty()) {
                deliveries.add(new Delivery(Medium.EMAIL, channel.digest()));
            }
            if (channel != null && channel.webhook() != null) {
                deliveries.add(new Delivery(Medium.WEBHOOK, channel.digest()));
            }
        } else if (mail && users.emailOf(audience.name()).isPresent()) {
            deliveries.add(new Delivery(Medium.EMAIL, properties.requesterDigest()));
        }
        return deliveries;
    }

    /** The addresses an email to the audience goes to; empty once the channel or address is gone. */
    List<String> emails(Audience audience) {
        if (!audience.isGroup()) {
            return users.emailOf(audience.name()).map(List::of).orElse(List.of());
        }
        NotificationProperties.Channel channel = properties.channels().get(audience.name());
        return channel == null ? List.of() : channel.emails();
    }

    /** The group's webhook, if it has one. */
    Optional<URI> webhook(Audience audience) {
        NotificationProperties.Channel channel =
                audience.isGroup() ? properties.channels().get(audience.name()) : null;
        return channel == null ? Optional.empty() : Optional.ofNullable(channel.webhook());
    }
}
