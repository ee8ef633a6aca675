package dev.rolecall.notification;

import dev.rolecall.request.events.RoleRequestRef;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, to be told to some audiences.
 *
 * @param kind what it tells
 * @param eventKey names the event: the same event, delivered twice, has the same key
 * @param accountId the role's account
 * @param roleName the role it is about
 * @param requestId the request it is about, or {@code null} for a role no request made (adopted)
 * @param path the console page the message links to
 * @param actionPath the page of the next action the message offers (e.g. Extend), or {@code null}
 * @param actor who caused it
 * @param detail what else the message says (an error code, a stage), or empty
 */
record Notice(
        NoticeKind kind,
        String eventKey,
        String accountId,
        String roleName,
        @Nullable UUID requestId,
        String path,
        @Nullable String actionPath,
        String actor,
        String detail) {

    /** A notice whose event is named by its kind, request and {@code occurrence} (a revision, a time). */
    static Notice of(NoticeKind kind, RoleRequestRef request, Object occurrence, String actor, String detail) {
        UUID id = request.id().value();
        return new Notice(
                kind,
                kind.key() + ":" + id + ":" + occurrence,
                request.accountId(),
                request.roleName(),
                id,
                "/requests/" + id,
                null,
                actor,
                detail);
    }
}
