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
 * @param count how many requests the tab has with its filters, counted up to {@link
 *     RoleRequestSlice#COUNT_LIMIT} + 1; {@code null} for "Decided by me", which is not counted (its
 *     requests may be much of the table)
 */
public record InboxPage(
        List<RoleRequestSummary> items,
        @Nullable InboxCursor previous,
        @Nullable InboxCursor next,
        @Nullable Long count) {

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
        return new RoleRequestSlice(items, null, null, count);
    }

    /** The count as a person reads it: "1,234", or "10,000+" above the limit; empty when not counted. */
    public String countText() {
        return slice().countText();
    }
}
