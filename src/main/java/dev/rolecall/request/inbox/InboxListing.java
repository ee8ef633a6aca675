package dev.rolecall.request.inbox;

import dev.rolecall.PlannedWithValues;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.RoleRequestSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox's rows, read by keyset in SQL: only the columns a row shows, the rows after (or before) a
 * position in the sort's order, and a count that stops at {@link InboxPage#COUNT_LIMIT}. The
 * tabs in review read the indexes on open requests (V98) in each sort's order, or a filter's own index.
 */
@Repository
class InboxListing {

    private static final String COLUMNS = RoleRequestSummary.COLUMNS + ", risk_order,"
            + " CASE WHEN review_due_at = 'infinity' THEN NULL ELSE review_due_at END AS due";

    private final JdbcClient jdbc;

    InboxListing(DataSource dataSource) {
        this.jdbc = PlannedWithValues.jdbcClient(dataSource);
    }

    /**
     * Which requests a tab has.
     *
     * @param reviewer who reads it: never their own requests
     * @param groups the reviewer's groups (for {@link InboxTab#MY_GROUPS})
     * @param accounts the accounts of the filter's environment (unused when it names none)
     */
    record Scope(String reviewer, InboxTab tab, List<String> groups, InboxFilter filter, List<String> accounts) {}

    /** A statement and its positional parameters. */
    record Statement(String sql, List<Object> params) {}

    /**
     * One page of a tab: after {@code after}, before {@code before}, or from the start, numbered by
     * {@code count} ({@link #count}, or a number reused from an earlier view).
     */
    InboxPage page(
            Scope scope,
            InboxSort sort,
            @Nullable InboxCursor after,
            @Nullable InboxCursor before,
            int size,
            ToLongFunction<Scope> count) {
        boolean backwards = after == null && before != null;
        Statement page = page(scope, sort, after != null ? after : before, backwards, size + 1);
        List<RoleRequestSummary> rows = new ArrayList<>();
        List<InboxCursor> keys = new ArrayList<>();
        jdbc.sql(page.sql())
                .params(page.params())
                .query((rs, n) -> {
                    rows.add(RoleRequestSummary.read(rs));
                    keys.add(cursor(sort, rs));
                    return n;
                })
                .list();
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(size);
            keys.remove(size);
        }
        if (backwards) {
            Collections.reverse(rows);
            Collections.reverse(keys);
        }
        boolean earlier = backwards ? more : after != null;
        boolean later = backwards || more;
        return new InboxPage(
                rows,
                earlier && !keys.isEmpty() ? keys.get(0) : null,
                later && !keys.isEmpty() ? keys.get(keys.size() - 1) : null,
                scope.tab() == InboxTab.DECIDED_BY_ME ? null : Long.valueOf(count.applyAsLong(scope)));
    }

    /** How many requests a tab has, counted up to one past the limit. */
    long count(Scope scope) {
        Statement count = count(scope, InboxPage.COUNT_LIMIT + 1);
        return jdbc.sql(count.sql()).params(count.params()).query(Long.class).single();
    }

    /** The rows of a tab after {@code from} in the sort's order (before it, backwards), at most {@code limit}. */
    static Statement page(Scope scope, InboxSort sort, @Nullable InboxCursor from, boolean backwards, int limit) {
        InboxWhere where = InboxWhere.of(scope);
        InboxOrder order = InboxOrder.of(sort);
        boolean descending = order.descending() != backwards;
        if (from != null) {
            where.condition("(" + order.columns() + ") " + (descending ? "<" : ">") + " " + order.placeholders());
            where.add(order.params(from));
        }
        String by = " ORDER BY " + order.orderBy(descending);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return new Statement("SELECT " + COLUMNS + " FROM role_request" + where.sql() + by + " LIMIT ?", params);
    }

    /** Counts the rows of a tab, stopping at {@code limit}. */
    static Statement count(Scope scope, int limit) {
        InboxWhere where = InboxWhere.of(scope);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return new Statement(
                "SELECT count(*) FROM (SELECT 1 FROM role_request" + where.sql() + " LIMIT ?) AS bounded", params);
    }

    private static InboxCursor cursor(InboxSort sort, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return switch (sort) {
            case OLDEST, NEWEST -> new InboxCursor(0, created, id);
            case SLA -> new InboxCursor(0, instant(rs.getObject("due", OffsetDateTime.class)), id);
            case RISK -> new InboxCursor(rs.getInt("risk_order"), created, id);
        };
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
