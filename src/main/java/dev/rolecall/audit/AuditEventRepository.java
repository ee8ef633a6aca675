package dev.rolecall.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    /** One page of matching events, newest first. */
    List<AuditEvent> findNewestFirst(AuditFilter filter, long offset, int limit) {
        Where where = Where.of(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where.sql()
                        + " ORDER BY event_id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(ROW)
                .list();
    }

    long count(AuditFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("SELECT count(*) FROM audit_event" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
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
    private record Where(String sql, List<@Nullable Object> params) {

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
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }
    }
}
