package dev.rolecall.notification;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of each notification, from {@code messages.properties}, with a link to the console. */
@Component
class NotificationTexts {

    private final MessageSource messages;
    private final PublicUrlProperties console;

    NotificationTexts(MessageSource messages, PublicUrlProperties console) {
        this.messages = messages;
        this.console = console;
    }

    String subject(Notice notice) {
        return text(notice.kind().subjectKey(), notice);
    }

    /** The message: what happened, what to do next, and the page to do it on. */
    String body(Notice notice) {
        return text(notice.kind().bodyKey(), notice);
    }

    /** One message that lists several notifications, oldest first. */
    String digestSubject(int count) {
        return messages.getMessage("notification.digest.subject", new Object[] {count}, Locale.ENGLISH);
    }

    String digestBody(List<String> bodies) {
        String intro = messages.getMessage("notification.digest.intro", null, Locale.ENGLISH);
        return intro + "\n\n" + String.join("\n\n", bodies);
    }

    private String text(String key, Notice notice) {
        Object[] args = {
            notice.roleName(),
            notice.accountId(),
            notice.actor(),
            console.link(notice.path()),
            notice.detail(),
            notice.actionPath() == null ? "" : console.link(notice.actionPath())
        };
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
