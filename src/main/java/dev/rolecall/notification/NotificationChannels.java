package dev.rolecall.notification;

import dev.rolecall.identity.UserDirectory;
import dev.rolecall.routing.ReviewerGroups;
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
 * The configured channels: which media reach an audience, and where each goes. A group without a
 * channel of its own is reached by email at its members' addresses. Checked when the console
 * starts: a channel for a group that {@code rolecall.routing.groups} does not define, or with email
 * addresses and no mail server, refuses the start, so a misconfigured channel is found at once
 * rather than by the first message that never arrives.
 */
@Component
class NotificationChannels {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

    /** One way an audience is reached. */
    record Delivery(Medium medium, boolean digest) {}

    private final NotificationProperties properties;
    private final UserDirectory users;
    private final ReviewerGroups groups;
    private final boolean mail;

    NotificationChannels(
            NotificationProperties properties,
            UserDirectory users,
            ReviewerGroups groups,
            ObjectProvider<JavaMailSender> mailSender) {
        this.properties = properties;
        this.users = users;
        this.groups = groups;
        this.mail = mailSender.getIfAvailable() != null;
        properties.channels().forEach((group, channel) -> {
            if (!groups.names().contains(group)) {
                throw new IllegalStateException("rolecall.notifications.channels." + group + " names group '" + group
                        + "', which rolecall.routing.groups does not define");
            }
            if (!channel.emails().isEmpty() && !mail) {
                throw new IllegalStateException("rolecall.notifications.channels." + group
                        + ".emails needs a mail server: set spring.mail.host (and spring.mail.port)");
            }
        });
        if (!mail) {
            log.info("No mail server (spring.mail.host): requesters are not emailed");
        }
    }

    /** The media that reach an audience now; none for one with neither a channel nor an email address. */
    List<Delivery> deliveries(Audience audience) {
        NotificationProperties.Channel channel =
                audience.isGroup() ? properties.channels().get(audience.name()) : null;
        List<Delivery> deliveries = new ArrayList<>();
        if (channel == null) {
            if (mail && !emails(audience).isEmpty()) {
                boolean digest = !audience.isGroup() && properties.requesterDigest();
                deliveries.add(new Delivery(Medium.EMAIL, digest));
            }
            return deliveries;
        }
        if (!channel.emails().isEmpty()) {
            deliveries.add(new Delivery(Medium.EMAIL, channel.digest()));
        }
        if (channel.webhook() != null) {
            deliveries.add(new Delivery(Medium.WEBHOOK, channel.digest()));
        }
        return deliveries;
    }

    /**
     * The addresses an email to the audience goes to: the group channel's, else the group members'
     * that the user directory knows, or the person's; empty once none is left.
     */
    List<String> emails(Audience audience) {
        if (!audience.isGroup()) {
            return users.emailOf(audience.name()).map(List::of).orElse(List.of());
        }
        NotificationProperties.Channel channel = properties.channels().get(audience.name());
        if (channel != null) {
            return channel.emails();
        }
        return groups.membersOf(audience.name()).stream()
                .sorted()
                .flatMap(member -> users.emailOf(member).stream())
                .toList();
    }

    /** The group's webhook, if it has one. */
    Optional<URI> webhook(Audience audience) {
        NotificationProperties.Channel channel =
                audience.isGroup() ? properties.channels().get(audience.name()) : null;
        return channel == null ? Optional.empty() : Optional.ofNullable(channel.webhook());
    }
}
