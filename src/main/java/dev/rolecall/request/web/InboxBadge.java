package dev.rolecall.request.web;

import dev.rolecall.request.inbox.InboxService;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The nav's count of requests that wait for the signed-in reviewer. Read only when the layout renders
 * it, then kept for the rest of the request: one indexed, bounded query per page, none for anyone who
 * does not review.
 */
public final class InboxBadge {

    private final @Nullable InboxService inbox;
    private final String username;
    private final boolean reviews;
    private @Nullable String text;
    private boolean read;

    InboxBadge(@Nullable InboxService inbox, String username, boolean reviews) {
        this.inbox = inbox;
        this.username = username;
        this.reviews = reviews;
    }

    /** "3", "99+", or {@code null} (nothing shown) when nobody waits and for those who do not review. */
    public @Nullable String text() {
        if (!read) {
            read = true;
            text = count();
        }
        return text;
    }

    private @Nullable String count() {
        if (inbox == null) {
            return null;
        }
        OptionalLong count = inbox.waitingFor(username, reviews);
        if (count.isEmpty() || count.getAsLong() == 0) {
            return null;
        }
        return count.getAsLong() > 99 ? "99+" : Long.toString(count.getAsLong());
    }
}
