package dev.rolecall.notification;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends a notification as one plain-text email, with Spring Mail and the server at {@code spring.mail.*}. */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.from();
    }

    void send(List<String> to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailedException("no mail server configured (spring.mail.host)");
        }
        if (to.isEmpty()) {
            throw new DeliveryFailedException("no email address configured for the channel any more");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryFailedException(
                    "mail server refused or unreachable: " + e.getClass().getSimpleName(), e);
        }
    }
}
