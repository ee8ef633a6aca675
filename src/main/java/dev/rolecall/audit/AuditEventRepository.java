package dev.rolecall.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_event} table. Rows are only ever inserted; the database refuses anything else.
 * Reads for export go through a cursor, so memory stays flat however many rows match.
 */
@Repository
class AuditEventRepository {

    /** Rows fetched per round trip while streaming; PostgreSQL uses a cursor inside a transaction. */
    static final int FETCH_SIZE = 500;

    private static final String COLUMNS =
            "event_id, occurred_at, actor, action, request_id, account_id, role_name, details";

    private static final RowMapper<AuditEvent> ROW = AuditEventRepository::map;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditEventRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /**
     * The digest of the routing configuration last recorded, if any. The action is written into the
     * statement so that PostgreSQL reads the partial index of V51 whatever plan it keeps.
     */
    Optional<String> lastRoutingDigest() {
        return jdbc.sql("""
                        SELECT details::jsonb ->> 'digest' FROM audit_event
                        WHERE action = 'routing.configured' ORDER BY event_id DESC LIMIT 1""").query(String.class).optional();
    }

    long insert(AuditEntry entry, String detailsJson) {
        return jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, action, request_id, account_id, role_name, details)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        RETURNING event_id""")
                .param(OffsetDateTime.ofInstant(AuditTime.truncate(entry.occurredAt()), ZoneOffset.UTC))
                .param(entry.actor())
                .param(entry.action())
                .param(entry.requestId())
                .param(entry.accountId())
                .param(entry.roleName())
                .param(detailsJson)
                .query(Long.class)
                .single();
    }

    /**
     * One page of matching events by keyset on {@code event_id}: newest first from the newest, or
     * from just below {@code olderThan}; or, with {@code newerThan}, the ones just above it (read
     * oldest first, returned newest first). At most {@code limit}.
     */
    List<AuditEvent> findPage(AuditFilter filter, @Nullable Long olderThan, @Nullable Long newerThan, int limit) {
        Statement page = page(filter, olderThan, newerThan, limit);
        List<AuditEvent> rows = new ArrayList<>(
                jdbc.sql(page.sql()).params(page.params()).query(ROW).list());
        if (olderThan == null && newerThan != null) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** How many events match, counted up to {@code limit}: the count reads at most that many index entries. */
    long countUpTo(AuditFilter filter, int limit) {
        Statement count = count(filter, limit);
        return jdbc.sql(count.sql()).params(count.params()).query(Long.class).single();
    }

    /** A statement and its positional parameters. */
    record Statement(String sql, List<@Nullable Object> params) {}

    static Statement page(AuditFilter filter, @Nullable Long olderThan, @Nullable Long newerThan, int limit) {
        Where where = Where.of(filter);
        List<String> conditions = new ArrayList<>(where.conditions());
        List<@Nullable Object> params = new ArrayList<>(where.params());
        boolean ascending = olderThan == null && newerThan != null;
        if (olderThan != null) {
            conditions.add("event_id < ?");
            params.add(olderThan);
        } else if (newerThan != null) {
            conditions.add("event_id > ?");
            params.add(newerThan);
        }
        params.add(limit);
        return new Statement(
                "SELECT " + COLUMNS + " FROM audit_event" + Where.sql(conditions) + " ORDER BY event_id"
                        + (ascending ? "" : " DESC") + " LIMIT ?",
                params);
    }

    /**
     * Counts up to {@code limit} matching events. Ordered like the page, so that PostgreSQL walks the
     * same index (the newest events first) instead of the first heap pages it finds.
     */
    static Statement count(AuditFilter filter, int limit) {
        Where where = Where.of(filter);
        List<@Nullable Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return new Statement(
                "SELECT count(*) FROM (SELECT 1 FROM audit_event" + where.sql()
                        + " ORDER BY event_id DESC LIMIT ?) AS bounded",
                params);
    }

    /**
     * Hands every matching event, oldest first, to {@code sink} as it is read. Call inside a
     * transaction so that PostgreSQL streams through a cursor rather than loading all rows.
     */
    void forEachOldestFirst(AuditFilter filter, Consumer<AuditEvent> sink) {
        Where where = Where.of(filter);
        streaming.query(
                "SELECT " + COLUMNS + " FROM audit_event" + where.sql() + " ORDER BY event_id",
                (RowCallbackHandler) rs -> sink.accept(map(rs, rs.getRow())),
                where.params().toArray());
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getLong("event_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getObject("request_id", UUID.class),
                rs.getString("account_id"),
                rs.getString("role_name"),
                rs.getString("details"));
    }

    /** The WHERE clause of a filter, with its positional parameters. */
    private record Where(List<String> conditions, List<@Nullable Object> params) {

        String sql() {
            return sql(conditions);
        }

        static String sql(List<String> conditions) {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        static Where of(AuditFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<@Nullable Object> params = new ArrayList<>();
            if (filter.from() != null) {
                conditions.add("occurred_at >= ?");
                params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                conditions.add("occurred_at < ?");
                params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
            }
            if (filter.actor() != null) {
                conditions.add("actor = ?");
                params.add(filter.actor());
            }
            if (filter.requestId() != null) {
                conditions.add("request_id = ?");
                params.add(filter.requestId());
            }
            return new Where(conditions, params);
        }
    }
}
