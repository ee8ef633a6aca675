package dev.rolecall.notification;

import dev.rolecall.request.events.RoleRequestRef;
import java.util.UUID;

/**
 * One thing that happened, to be told to some audiences.
 *
 * @param kind what it tells
 * @param eventKey names the event: the same event, delivered twice, has the same key
 * @param request the request it is about
 * @param actor who caused it
 * @param detail what else the message says (an error code, a stage), or empty
 */
record Notice(NoticeKind kind, String eventKey, RoleRequestRef request, String actor, String detail) {

    /** A notice whose event is named by its kind, request and {@code occurrence} (a revision, a time). */
    static Notice of(NoticeKind kind, RoleRequestRef request, Object occurrence, String actor, String detail) {
        return new Notice(kind, kind.key() + ":" + request.id().value() + ":" + occurrence, request, actor, detail);
    }

    UUID requestId() {
        return request.id().value();
    }

    /** The request's page, from the console's public URL. */
    String path() {
        return "/requests/" + requestId();
    }
}
