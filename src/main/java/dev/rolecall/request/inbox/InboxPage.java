package dev.rolecall.request.inbox;

import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestSlice;
import dev.rolecall.request.RoleRequestSummary;
import dev.rolecall.request.review.WaitingStage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of an inbox tab in its sort order.
 *
 * @param items the rows, in the tab's order
 * @param previous where the page before this one ends, or {@code null} on the first page
 * @param next where the page after this one starts, or {@code null} on the last page
 * @param count how many requests the tab has with its filters, counted up to {@link #COUNT_LIMIT} +
 *     1; {@code null} for "Decided by me", which is not counted (its requests may be much of the table)
 * @param waiting the stage each row in review waits on now, by request; read in the same transaction
 *     as the rows
 */
public record InboxPage(
        List<RoleRequestSummary> items,
        @Nullable InboxCursor previous,
        @Nullable InboxCursor next,
        @Nullable Long count,
        Map<RoleRequestId, WaitingStage> waiting) {

    /**
     * Counting stops here, as the nav's count of what waits on a reviewer does: more shows as "99+".
     * Each row counted in My groups probes the stages of its revision, so the count stays small.
     */
    public static final int COUNT_LIMIT = WaitingCount.LIMIT;

    public InboxPage {
        items = List.copyOf(items);
        waiting = Map.copyOf(waiting);
    }

    /** A page whose rows' stages are not read. */
    public InboxPage(
            List<RoleRequestSummary> items,
            @Nullable InboxCursor previous,
            @Nullable InboxCursor next,
            @Nullable Long count) {
        this(items, previous, next, count, Map.of());
    }

    /** The same page with the stage each of its rows waits on. */
    InboxPage withWaiting(Map<RoleRequestId, WaitingStage> stages) {
        return new InboxPage(items, previous, next, count, stages);
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
