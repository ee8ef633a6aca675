package dev.rolecall.request;

import dev.rolecall.PlannedWithValues;
import dev.rolecall.request.review.WaitingStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists of requests, read by keyset in SQL: only the columns a list shows (never the spec), the
 * rows after a position in {@code (created_at, id)} order, and a count that stops at
 * {@link RoleRequestSlice#COUNT_LIMIT}. Each scope has an index that matches its filter and order
 * (V30), so a page reads about as many index entries as it shows.
 */
@Repository
class RoleRequestListing {

    static final String COLUMNS = RoleRequestSummary.COLUMNS;

    private final JdbcClient jdbc;
    /** For the list's statements: planned with their values ({@link PlannedWithValues}). */
    private final JdbcClient listing;

    RoleRequestListing(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.listing = PlannedWithValues.jdbcClient(dataSource);
    }

    /**
     * Which requests a list has: every condition is optional.
     *
     * @param requester only this requester's
     * @param notRequester all but this requester's (a reviewer's inbox)
     * @param status only this status
     */
    record Scope(
            @Nullable String requester,
            @Nullable String notRequester,
            @Nullable RoleRequestStatus status) {}

    /**
     * One page of a list.
     *
     * @param newestFirst the list's order; the inbox is oldest first
     * @param older show the requests older than this position, or {@code null}
     * @param newer show the requests newer than this position, or {@code null} (ignored with {@code older})
     * @param counted whether to count the scope (up to the limit): only for selective scopes, whose
     *     count an index answers
     */
    RoleRequestSlice slice(
            Scope scope,
            boolean newestFirst,
            RoleRequestSlice.@Nullable Key older,
            RoleRequestSlice.@Nullable Key newer,
            int size,
            boolean counted) {
        boolean descending = older != null || (newer == null && newestFirst);
        Statement page = page(scope, descending, older != null ? older : newer, size + 1);
        List<RoleRequestSummary> rows = listing.sql(page.sql())
                .params(page.params())
                .query(RoleRequestListing::summary)
                .list();
        Paging.Window<RoleRequestSummary, RoleRequestSlice.Key> window = Paging.window(
                rows, size, descending != newestFirst, older != null || newer != null, RoleRequestListing::key);
        return new RoleRequestSlice(
                window.rows(),
                newestFirst ? window.next() : window.previous(),
                newestFirst ? window.previous() : window.next(),
                counted ? count(scope) : null);
    }

    /** How many requests a scope has, counted up to one past the limit. */
    long count(Scope scope) {
        Statement count = count(scope, RoleRequestSlice.COUNT_LIMIT + 1);
        return listing.sql(count.sql()).params(count.params()).query(Long.class).single();
    }

    /** A statement and its positional parameters. */
    record Statement(String sql, List<Object> params) {}

    /** The rows of a scope after {@code from} in the given direction, at most {@code limit}. */
    static Statement page(Scope scope, boolean descending, RoleRequestSlice.@Nullable Key from, int limit) {
        Query query = Query.of(scope);
        if (from != null) {
            query.condition(descending ? "(created_at, id) < (?, ?)" : "(created_at, id) > (?, ?)");
            query.params.add(OffsetDateTime.ofInstant(from.createdAt(), ZoneOffset.UTC));
            query.params.add(from.id());
        }
        String order = descending ? " ORDER BY created_at DESC, id DESC" : " ORDER BY created_at, id";
        List<Object> params = new ArrayList<>(query.params);
        params.add(limit);
        return new Statement("SELECT " + COLUMNS + " FROM role_request" + query.where() + order + " LIMIT ?", params);
    }

    /** Counts the rows of a scope, stopping at {@code limit}. */
    static Statement count(Scope scope, int limit) {
        Query query = Query.of(scope);
        List<Object> params = new ArrayList<>(query.params);
        params.add(limit);
        return new Statement(
                "SELECT count(*) FROM (SELECT 1 FROM role_request" + query.where() + " LIMIT ?) AS bounded", params);
    }

    private static RoleRequestSlice.Key key(RoleRequestSummary row) {
        return new RoleRequestSlice.Key(row.createdAt(), row.id().value());
    }

    private static RoleRequestSummary summary(ResultSet rs, int row) throws SQLException {
        return RoleRequestSummary.read(rs);
    }

    /** The stage each of these requests waits on now, for those in review with a route. */
    Map<UUID, WaitingStage> waitingStages(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, WaitingStage> waiting = new HashMap<>();
        jdbc.sql("""
                        SELECT s.request_id, s.position, s.reviewer_groups, s.approvals_needed, s.due_at,
                               s.overdue_at IS NOT NULL AS overdue,
                               (SELECT count(*) FROM role_request_stage a
                                WHERE a.request_id = s.request_id AND a.revision = s.revision) AS stages,
                               (SELECT count(*) FROM role_request_decision d
                                WHERE d.request_id = s.request_id AND d.revision = s.revision
                                  AND d.stage = s.position) AS approvals
                        FROM role_request_stage s JOIN role_request r ON r.id = s.request_id AND r.revision = s.revision
                        WHERE s.request_id = ANY(?::uuid[]) AND s.opened_at IS NOT NULL AND s.passed_at IS NULL""")
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> waiting.put(rs.getObject("request_id", UUID.class), waitingStage(rs)))
                .list();
        return waiting;
    }

    private static WaitingStage waitingStage(ResultSet rs) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new WaitingStage(
                rs.getInt("position"),
                rs.getInt("stages"),
                List.of((String[]) rs.getArray("reviewer_groups").getArray()),
                rs.getInt("approvals_needed"),
                rs.getInt("approvals"),
                due == null ? null : due.toInstant(),
                rs.getBoolean("overdue"));
    }

    /** The WHERE clause of a scope and its positional parameters. */
    private static final class Query {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        static Query of(Scope scope) {
            Query query = new Query();
            if (scope.requester() != null) {
                query.condition("requester = ?");
                query.params.add(scope.requester());
            }
            if (scope.status() != null) {
                query.condition("status = ?");
                query.params.add(scope.status().name());
            }
            if (scope.notRequester() != null) {
                query.condition("requester <> ?");
                query.params.add(scope.notRequester());
            }
            return query;
        }

        void condition(String sql) {
            conditions.add(sql);
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }
}
