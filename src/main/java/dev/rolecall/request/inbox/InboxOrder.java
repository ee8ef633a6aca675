package dev.rolecall.request.inbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The key of a sort: its columns in the list's order (every one ascending, or every one descending),
 * and how a position compares with them, so that a row comparison walks the sort's index.
 *
 * @param columns the key's columns, the id last
 * @param placeholders the position's values as a row of parameters
 * @param descending whether the list runs from the largest key down
 */
record InboxOrder(String columns, String placeholders, boolean descending) {

    private static final String TIME_AND_ID = "(CAST(? AS timestamptz), ?)";

    static InboxOrder of(InboxSort sort) {
        return switch (sort) {
            case OLDEST -> new InboxOrder("created_at, id", TIME_AND_ID, false);
            case NEWEST -> new InboxOrder("created_at, id", TIME_AND_ID, true);
            case SLA -> new InboxOrder("review_due_at, id", TIME_AND_ID, false);
            case RISK -> new InboxOrder("risk_order, created_at, id", "(?, CAST(? AS timestamptz), ?)", false);
        };
    }

    /** The ORDER BY list, in the given direction. */
    String orderBy(boolean descendingNow) {
        return Arrays.stream(columns.split(", "))
                .map(column -> descendingNow ? column + " DESC" : column)
                .collect(Collectors.joining(", "));
    }

    /** A position's values, in the order of {@link #placeholders()}. */
    List<Object> params(InboxCursor from) {
        Instant time = from.time();
        // Nothing due is stored as 'infinity', after every due time.
        Object at = time == null ? "infinity" : time.toString();
        return columns.startsWith("risk_order") ? List.of(from.rank(), at, from.id()) : List.of(at, from.id());
    }
}
