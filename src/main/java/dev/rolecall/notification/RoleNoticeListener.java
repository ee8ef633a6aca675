package dev.rolecall.notification;

import dev.rolecall.inventory.events.RoleExpired;
import dev.rolecall.inventory.events.RoleExpiringSoon;
import dev.rolecall.routing.ReviewerGroups;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns inventory events into notifications: the role's owner (who filed the request that last
 * applied it) and its reviewers (the account's owner group, else {@value #SECURITY}) hear that a
 * temporary role expires soon, with a link to extend it, and that it was revoked. Like request
 * events, each runs after the change committed, in a transaction of its own; an event names its
 * role and expiry, so a redelivered one, or a second warning about the same expiry, is not told
 * twice.
 */
@Component
class RoleNoticeListener {

    /** The reviewers of an account whose owners the routing configuration does not name. */
    static final String SECURITY = "security";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Notifier notifier;
    private final ReviewerGroups groups;
    private final MessageSource messages;

    RoleNoticeListener(Notifier notifier, ReviewerGroups groups, MessageSource messages) {
        this.notifier = notifier;
        this.groups = groups;
        this.messages = messages;
    }

    /** The expiry is near: the owner may extend the role, the reviewers will decide on that. */
    @ApplicationModuleListener
    void on(RoleExpiringSoon expiring) {
        tell(new Notice(
                NoticeKind.EXPIRING_SOON,
                key(NoticeKind.EXPIRING_SOON, expiring.accountId(), expiring.roleName(), expiring.expiresAt()),
                expiring.accountId(),
                expiring.roleName(),
                expiring.requestId(),
                expiring.rolePath(),
                expiring.extendPath(),
                "rolecall",
                WHEN.format(expiring.expiresAt())));
    }

    /** The role was revoked at its expiry: deleted, or kept without its permissions. */
    @ApplicationModuleListener
    void on(RoleExpired expired) {
        String outcome = messages.getMessage(
                "notification.expired." + expired.outcome().toLowerCase(Locale.ROOT), null, Locale.ENGLISH);
        tell(new Notice(
                NoticeKind.EXPIRED,
                key(NoticeKind.EXPIRED, expired.accountId(), expired.roleName(), expired.expiresAt()),
                expired.accountId(),
                expired.roleName(),
                expired.requestId(),
                expired.rolePath(),
                null,
                "rolecall",
                outcome));
    }

    private void tell(Notice notice) {
        String reviewers = groups.ownerGroupOf(notice.accountId()).orElse(SECURITY);
        notifier.notify(notice, List.of(Audience.group(reviewers)));
        notifier.notifyRequester(notice);
    }

    /** One event per role and expiry: {@code expiring:<account>:<role>:<expiry in ms>}. */
    static String key(NoticeKind kind, String accountId, String roleName, Instant expiresAt) {
        return kind.key() + ":" + accountId + ":" + roleName + ":" + expiresAt.toEpochMilli();
    }
}
