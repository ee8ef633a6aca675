package dev.rolecall.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How lists page: by position (keyset), never by number, in the pages and the API alike. A size
 * outside these bounds is refused with a field error, never clamped. Pages are found by position
 * ({@link RoleRequestSlice.Key}, or a list's own key), so there is no page number to bound.
 */
public final class Paging {

    /** The most rows one page of the API may have. */
    public static final int MAX_SIZE = 100;

    public static final String SIZE_RANGE = "size must be between 1 and " + MAX_SIZE;

    private Paging() {}

    /**
     * One page of a list read by keyset in either direction, in the list's order, with where the
     * pages before and after it start.
     *
     * @param rows the rows, in the list's order
     * @param previous the position the page before ends at (its rows come before it), or {@code null}
     *     on the first page
     * @param next the position the page after starts at, or {@code null} on the last page
     */
    public record Window<T, K>(
            List<T> rows, @Nullable K previous, @Nullable K next) {

        public Window {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Cuts a page out of the rows a statement read: at most {@code size + 1} rows from a position,
     * in the list's order or, reading backwards to the page before a position, in reverse.
     *
     * @param fetched the rows read, up to {@code size + 1} (one more than the page: there are more)
     * @param backwards whether they were read in reverse order, before a position
     * @param fromPosition whether the read started at a position rather than at the list's start
     * @param key a row's position
     */
    public static <T, K> Window<T, K> window(
            List<T> fetched, int size, boolean backwards, boolean fromPosition, Function<T, K> key) {
        List<T> rows = new ArrayList<>(fetched);
        boolean more = rows.size() > size;
        if (more) {
            rows.subList(size, rows.size()).clear();
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean before = backwards ? more : fromPosition;
        boolean after = backwards ? fromPosition : more;
        if (rows.isEmpty()) {
            return new Window<>(rows, null, null);
        }
        return new Window<>(
                rows, before ? key.apply(rows.get(0)) : null, after ? key.apply(rows.get(rows.size() - 1)) : null);
    }
}
