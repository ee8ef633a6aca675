package dev.rolecall.audit;

import dev.rolecall.PlannedWithValues;
import dev.rolecall.audit.chain.AuditChain;
import dev.rolecall.audit.chain.AuditChainKeys;
import dev.rolecall.audit.chain.ChainedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code audit_event} table. Rows are only ever inserted; the database refuses anything else.
 * Exports are written by PostgreSQL's COPY straight to the response, so memory stays flat however
 * many rows match.
 */
@Repository
class AuditEventRepository {

    private static final String COLUMNS =
            "event_id, occurred_at, actor, action, request_id, account_id, role_name, details"
                    // The chain's columns, for the CSV.
                    + ", prev_hash, hash";

    private static final RowMapper<AuditEvent> ROW = AuditEventRepository::map;

    private final JdbcClient jdbc;
    /** For the list's statements: planned with their values ({@link PlannedWithValues}). */
    private final JdbcClient listing;

    private final DataSource dataSource;
    private final AuditChainKeys keys;

    AuditEventRepository(DataSource dataSource, AuditChainKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.jdbc = JdbcClient.create(dataSource);
        this.listing = PlannedWithValues.jdbcClient(dataSource);
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

    /**
     * Appends an event to the chain. Appends are serialised by a transaction-scoped advisory lock:
     * holding it, this reads the chain's tail, takes the next event id, computes the event's hash
     * and inserts the row; the lock is released when the caller's transaction ends, after the row
     * is visible to the next writer. The unique index on {@code prev_hash} refuses a fork should a
     * writer ever read a stale tail.
     *
     * @return the event's id
     */
    @Transactional
    long insert(AuditEntry entry, String detailsJson) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)")
                .param(AuditChain.APPEND_LOCK)
                .query(Integer.class)
                .single();
        Tail tail = jdbc.sql("""
                        SELECT nextval('audit_event_event_id_seq') AS next_id,
                               (SELECT hash FROM audit_event WHERE hash IS NOT NULL
                                ORDER BY event_id DESC LIMIT 1) AS tail""")
                .query((rs, row) -> new Tail(rs.getLong("next_id"), rs.getBytes("tail")))
                .single();
        Instant occurredAt = AuditTime.truncate(entry.occurredAt());
        String keyId = keys.currentKeyId();
        byte[] tailHash = tail.hash();
        byte[] previous = tailHash == null ? AuditChain.genesis() : tailHash;
        byte[] hash = new AuditChain()
                .hash(
                        keys.current(),
                        previous,
                        new ChainedEvent(
                                keyId,
                                tail.nextId(),
                                occurredAt,
                                entry.actor(),
                                entry.action(),
                                entry.requestId(),
                                entry.accountId(),
                                entry.roleName(),
                                detailsJson));
        jdbc.sql("""
                        INSERT INTO audit_event (event_id, occurred_at, actor, action, request_id, account_id, role_name,
                                                 details, chain_key_id, prev_hash, hash)
                        OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(tail.nextId())
                .param(OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .param(entry.actor())
                .param(entry.action())
                .param(entry.requestId())
                .param(entry.accountId())
                .param(entry.roleName())
                .param(detailsJson)
                .param(keyId)
                .param(previous)
                .param(hash)
                .update();
        return tail.nextId();
    }

    /** The next event id and the hash of the newest chained event, if any. */
    private record Tail(long nextId, byte @Nullable [] hash) {}

    /**
     * One page of matching events by keyset on {@code event_id}: newest first from the newest, or
     * from just below {@code olderThan}; or, with {@code newerThan}, the ones just above it (read
     * oldest first, returned newest first). At most {@code limit}.
     */
    List<AuditEvent> findPage(AuditFilter filter, @Nullable Long olderThan, @Nullable Long newerThan, int limit) {
        Statement page = page(filter, olderThan, newerThan, limit);
        List<AuditEvent> rows = new ArrayList<>(
                listing.sql(page.sql()).params(page.params()).query(ROW).list());
        if (olderThan == null && newerThan != null) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** How many events match, counted up to {@code limit}: the count reads at most that many index entries. */
    long countUpTo(AuditFilter filter, int limit) {
        Statement count = count(filter, limit);
        return listing.sql(count.sql()).params(count.params()).query(Long.class).single();
    }

    /**
     * The newest verification of the chain. The action is written into the statement so that
     * PostgreSQL reads the partial index of its own ({@code audit_event_verifications}) whatever plan
     * it keeps; with the action as a parameter, a generic plan would walk the whole trail.
     */
    static final String LATEST_VERIFICATION = "SELECT " + COLUMNS + " FROM audit_event WHERE action = '"
            + AuditService.VERIFIED + "' ORDER BY event_id DESC LIMIT 1";

    /** The newest verification of the chain, or {@code null} if it was never verified. */
    @Nullable
    AuditEvent latestVerification() {
        return jdbc.sql(LATEST_VERIFICATION).query(ROW).optional().orElse(null);
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
     * Writes every matching event, oldest first, as the audit CSV's rows (no header) to {@code out}:
     * PostgreSQL writes them with COPY, straight from the driver to the stream. Call inside a
     * transaction: the COPY's settings are local to it.
     *
     * @return the number of events written
     */
    long copyCsv(AuditFilter filter, OutputStream out) throws IOException {
        Where where = Where.of(filter);
        String copy = AuditCsv.copy(where.sql(), where.params());
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (java.sql.Statement settings = connection.createStatement()) {
                for (String setting : AuditCsv.SETTINGS) {
                    settings.execute(setting);
                }
            }
            AuditCsvLines lines = new AuditCsvLines(out);
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, lines);
            lines.flush();
            return rows;
        } catch (SQLException e) {
            throw new IOException("audit CSV export failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
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
                rs.getString("details"),
                hex(rs.getBytes("prev_hash")),
                hex(rs.getBytes("hash")));
    }

    private static @Nullable String hex(byte @Nullable [] bytes) {
        return bytes == null ? null : AuditChain.hex(bytes);
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
            equal(conditions, params, "action", filter.action());
            equal(conditions, params, "account_id", filter.accountId());
            equal(conditions, params, "role_name", filter.roleName());
            return new Where(conditions, params);
        }

        private static void equal(
                List<String> conditions, List<@Nullable Object> params, String column, @Nullable String value) {
            if (value != null) {
                conditions.add(column + " = ?");
                params.add(value);
            }
        }
    }
}
