package dev.rolecall.request.inbox;

import dev.rolecall.request.RoleRequestSlice;
import dev.rolecall.request.RoleRequestSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an inbox tab in its sort order.
 *
 * @param items the rows, in the tab's order
 * @param previous where the page before this one ends, or {@code null} on the first page
 * @param next where the page after this one starts, or {@code null} on the last page
 * @param count how many requests the tab has with its filters, counted up to {@link #COUNT_LIMIT} +
 *     1; {@code null} for "Decided by me", which is not counted (its requests may be much of the table)
 */
public record InboxPage(
        List<RoleRequestSummary> items,
        @Nullable InboxCursor previous,
        @Nullable InboxCursor next,
        @Nullable Long count) {

    /**
     * Counting stops here, as the nav's count of what waits on a reviewer does: more shows as "99+".
     * Each row counted in My groups probes the stages of its revision, so the count stays small.
     */
    public static final int COUNT_LIMIT = WaitingCount.LIMIT;

    public InboxPage {
        items = List.copyOf(items);
    }

    /** An empty page, as anyone who does not review sees. */
    public static InboxPage empty() {
        return new InboxPage(List.of(), null, null, 0L);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The rows as a slice, for what lists of requests share (e.g. the waiting stages of its rows). */
    public RoleRequestSlice slice() {
        return new RoleRequestSlice(items, null, null, null);
    }

    /** The count as a person reads it: "42", or "99+" above the limit; empty when not counted. */
    public String countText() {
        Long counted = count;
        if (counted == null) {
            return "";
        }
        return counted > COUNT_LIMIT ? COUNT_LIMIT + "+" : counted.toString();
    }
}
