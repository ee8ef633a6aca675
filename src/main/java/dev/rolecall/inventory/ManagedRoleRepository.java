package dev.rolecall.inventory;

import dev.rolecall.PlannedWithValues;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.Paging;
import dev.rolecall.request.RoleSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory's rows in {@code managed_role} and {@code managed_role_event} (V45). Lists read by
 * keyset in {@code (account_id, role_name)} order, each filter served by an index in that order; a
 * list by expiry reads in {@code (expires_at, id)} order from the live roles' expiry indexes (V97).
 */
@Repository
class ManagedRoleRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = "id, account_id, role_name, role_arn, owner_team, spec, state, imported,"
            + " risk_level, top_finding_code, last_request_id, live_spec, last_read_at, drift, created_at,"
            + " updated_at, version, expires_at";

    /** The live states, as the partial expiry indexes (V97) name them: a query must say it the same way. */
    static final String LIVE = "state IN ('ACTIVE', 'IMPORTED', 'EXPIRING', 'DRIFTED')";

    /** Rows fetched per round trip while streaming the CSV. */
    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    /** For the list's statements: planned with their values ({@link PlannedWithValues}). */
    private final JdbcClient listing;

    private final JdbcTemplate streaming;

    ManagedRoleRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.listing = PlannedWithValues.jdbcClient(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    Optional<ManagedRole> find(String accountId, String roleName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM managed_role WHERE account_id = ? AND role_name = ?")
                .params(accountId, roleName)
                .query(ManagedRoleRepository::row)
                .optional()
                .map(ManagedRole::new);
    }

    Optional<ManagedRole> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM managed_role WHERE id = ?")
                .params(id)
                .query(ManagedRoleRepository::row)
                .optional()
                .map(ManagedRole::new);
    }

    /** Inserts a new role or updates a stored one, refusing a row someone else changed meanwhile. */
    void save(ManagedRole role) {
        ManagedRole.Row row = role.row();
        if (row.version() < 0) {
            insert(row);
            role.saved(0);
            return;
        }
        int updated = jdbc.sql("UPDATE managed_role SET role_arn = ?, owner_team = ?, spec = ?, state = ?,"
                        + " imported = ?, expires_at = ?, risk_level = ?, top_finding_code = ?, last_request_id = ?,"
                        + " live_spec = ?, last_read_at = ?, drift = ?, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .param(row.roleArn())
                .param(row.ownerTeam())
                .param(JSON.writeValueAsString(row.spec()))
                .param(row.state().name())
                .param(row.imported())
                .param(time(row.expiresAt()))
                .param(row.risk() == null ? null : row.risk().name())
                .param(row.topFinding())
                .param(row.lastRequestId())
                .param(row.liveSpec() == null ? null : JSON.writeValueAsString(row.liveSpec()))
                .param(time(row.lastReadAt()))
                .param(row.drift().isEmpty() ? null : JSON.writeValueAsString(row.drift()))
                .param(time(row.updatedAt()))
                .param(row.id())
                .param(row.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("role " + row.roleName() + " changed meanwhile");
        }
        role.saved(row.version() + 1);
    }

    private void insert(ManagedRole.Row row) {
        jdbc.sql("INSERT INTO managed_role (id, account_id, role_name, role_arn, owner_team, spec, state, imported,"
                        + " expires_at, risk_level, top_finding_code, last_request_id, live_spec, last_read_at,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.id(), row.accountId(), row.roleName())
                .param(row.roleArn())
                .param(row.ownerTeam())
                .param(JSON.writeValueAsString(row.spec()))
                .param(row.state().name())
                .param(row.imported())
                .param(time(row.expiresAt()))
                .param(row.risk() == null ? null : row.risk().name())
                .param(row.topFinding())
                .param(row.lastRequestId())
                .param(row.liveSpec() == null ? null : JSON.writeValueAsString(row.liveSpec()))
                .param(time(row.lastReadAt()))
                .param(time(row.createdAt()))
                .param(time(row.updatedAt()))
                .update();
    }

    /**
     * Adds to a role's history. An event of a request is recorded once per role.
     *
     * @return whether it was added (false: that request was recorded already)
     */
    boolean addEvent(UUID roleId, RoleEvent event) {
        return jdbc.sql("INSERT INTO managed_role_event (role_id, request_id, kind, actor, detail, occurred_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .param(roleId)
                        .param(event.requestId())
                        .param(event.kind())
                        .param(event.actor())
                        .param(event.detail())
                        .param(time(event.occurredAt()))
                        .update()
                == 1;
    }

    /** Whether the request is in the role's history already. */
    boolean hasRequest(UUID roleId, UUID requestId) {
        return jdbc.sql("SELECT count(*) FROM managed_role_event WHERE role_id = ? AND request_id = ?")
                        .params(roleId, requestId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether the role's history holds an event of this kind with this detail. */
    boolean hasEvent(UUID roleId, String kind, String detail) {
        return jdbc.sql("SELECT count(*) FROM managed_role_event WHERE role_id = ? AND kind = ? AND detail = ?")
                        .params(roleId, kind, detail)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A role's history, oldest first. */
    List<RoleEvent> events(UUID roleId) {
        return jdbc.sql("SELECT request_id, kind, actor, detail, occurred_at FROM managed_role_event"
                        + " WHERE role_id = ? ORDER BY occurred_at, id")
                .params(roleId)
                .query((rs, n) -> new RoleEvent(
                        rs.getObject("request_id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("actor"),
                        rs.getString("detail"),
                        instant(rs, "occurred_at")))
                .list();
    }

    /**
     * One page of the roles that match, in the filter's order: from the start, after a position, or
     * (backwards) the page before a position.
     */
    RoleSlice slice(RoleFilter filter, @Nullable RolePosition from, boolean backwards, int size) {
        Statement page = page(filter, from, backwards, size + 1);
        List<Keyed> rows = listing.sql(page.sql())
                .params(page.params())
                .query((rs, n) -> new Keyed(row(rs, n), key(filter, rs)))
                .list();
        Paging.Window<Keyed, RolePosition> window = Paging.window(rows, size, backwards, from != null, Keyed::key);
        return new RoleSlice(
                window.rows().stream().map(Keyed::row).toList(), window.previous(), window.next(), count(filter));
    }

    /** A statement and its positional parameters. */
    record Statement(String sql, List<Object> params) {}

    /**
     * The statement of a page of at most {@code limit} rows: from the start, after a position, or
     * (backwards) before it. The plan tests explain the same statement.
     */
    static Statement page(RoleFilter filter, @Nullable RolePosition from, boolean backwards, int limit) {
        Query query = Query.of(filter);
        if (from != null) {
            query.condition(
                    "(" + keyColumns(filter) + ") " + (backwards ? "<" : ">") + " (?, ?)",
                    from.values().toArray());
        }
        List<Object> params = new ArrayList<>(query.params);
        params.add(limit);
        return new Statement(
                "SELECT " + COLUMNS + " FROM managed_role" + query.where() + order(filter, backwards) + " LIMIT ?",
                params);
    }

    /** A row and its position in the list's order. */
    private record Keyed(ManagedRole.Row row, RolePosition key) {}

    private static String keyColumns(RoleFilter filter) {
        return filter.byExpiry() ? "expires_at, id" : "account_id, role_name";
    }

    private static String order(RoleFilter filter, boolean backwards) {
        String direction = backwards ? " DESC" : "";
        return filter.byExpiry()
                ? " ORDER BY expires_at" + direction + ", id" + direction
                : " ORDER BY account_id" + direction + ", role_name" + direction;
    }

    private static RolePosition key(RoleFilter filter, ResultSet rs) throws SQLException {
        return filter.byExpiry()
                ? new ExpiryKey(instant(rs, "expires_at"), rs.getObject("id", UUID.class))
                : new RoleKey(rs.getString("account_id"), rs.getString("role_name"));
    }

    private long count(RoleFilter filter) {
        Query query = Query.of(filter);
        List<Object> params = new ArrayList<>(query.params);
        params.add(RoleSlice.COUNT_LIMIT + 1);
        return listing.sql("SELECT count(*) FROM (SELECT 1 FROM managed_role" + query.where() + " LIMIT ?) AS bounded")
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Every role that matches, in list order, one at a time from a cursor (call inside a transaction). */
    void forEach(RoleFilter filter, Consumer<ManagedRole.Row> action) {
        Query query = Query.of(filter);
        streaming.query(
                "SELECT " + COLUMNS + " FROM managed_role" + query.where() + order(filter, false),
                rs -> {
                    action.accept(row(rs, 0));
                },
                query.params.toArray());
    }

    /** Live roles whose expiry is before the given time, soonest first. */
    List<ManagedRole.Row> expiringBefore(Instant limit, int max) {
        return listing.sql("SELECT " + COLUMNS + " FROM managed_role WHERE expires_at IS NOT NULL AND expires_at <= ?"
                        + " AND " + LIVE + " ORDER BY expires_at LIMIT ?")
                .params(OffsetDateTime.ofInstant(limit, ZoneOffset.UTC), max)
                .query(ManagedRoleRepository::row)
                .list();
    }

    /** The live roles of an account, for a drift scan. */
    List<ManagedRole.Row> liveRoles(String accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM managed_role WHERE account_id = ?" + " AND " + LIVE
                        + " ORDER BY role_name")
                .params(accountId)
                .query(ManagedRoleRepository::row)
                .list();
    }

    /** The role names of an account the inventory holds, in any state but deleted, lower case. */
    List<String> names(String accountId) {
        return jdbc.sql("SELECT lower(role_name) FROM managed_role WHERE account_id = ? AND state <> 'DELETED'")
                .params(accountId)
                .query(String.class)
                .list();
    }

    private static ManagedRole.Row row(ResultSet rs, int rowNumber) throws SQLException {
        String risk = rs.getString("risk_level");
        String live = rs.getString("live_spec");
        String drift = rs.getString("drift");
        return new ManagedRole.Row(
                rs.getObject("id", UUID.class),
                rs.getString("account_id"),
                rs.getString("role_name"),
                rs.getString("role_arn"),
                rs.getString("owner_team"),
                JSON.readValue(rs.getString("spec"), RoleSpec.class),
                RoleState.valueOf(rs.getString("state")),
                rs.getBoolean("imported"),
                risk == null ? null : RiskLevel.valueOf(risk),
                rs.getString("top_finding_code"),
                rs.getObject("last_request_id", UUID.class),
                live == null ? null : JSON.readValue(live, RoleSpec.class),
                nullableInstant(rs, "last_read_at"),
                drift == null ? List.of() : JSON.readValue(drift, new TypeReference<List<FieldDiff>>() {}),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = nullableInstant(rs, column);
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * One entry of a role's history.
     *
     * @param requestId the request it came from, or {@code null} (adoption, expiry, drift)
     * @param kind e.g. {@code APPLIED}, {@code ADOPTED}, {@code EXPIRED}, {@code DRIFT_FOUND}
     * @param detail a short sentence or the field names, or {@code null}
     */
    record RoleEvent(
            @Nullable UUID requestId,
            String kind,
            String actor,
            @Nullable String detail,
            Instant occurredAt) {}

    /** The WHERE clause of a filter and its positional parameters. */
    private static final class Query {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        static Query of(RoleFilter filter) {
            Query query = new Query();
            List<String> accounts = filter.accounts();
            if (accounts != null) {
                if (accounts.isEmpty()) {
                    query.conditions.add("FALSE");
                } else {
                    query.condition("account_id = ANY (?)", (Object) accounts.toArray(String[]::new));
                }
            }
            if (filter.team() != null) {
                query.condition("owner_team = ?", filter.team());
            }
            if (filter.state() != null) {
                query.condition("state = ?", filter.state().name());
            }
            if (filter.risk() != null) {
                query.condition("risk_level = ?", filter.risk().name());
            }
            Instant expiresBefore = filter.expiresBefore();
            if (expiresBefore != null) {
                query.condition(
                        "expires_at IS NOT NULL AND expires_at < ? AND " + LIVE,
                        OffsetDateTime.ofInstant(expiresBefore, ZoneOffset.UTC));
            }
            String text = filter.text();
            if (text != null && !text.isBlank()) {
                query.condition("lower(role_name) LIKE ? ESCAPE '\\'", "%" + escape(text) + "%");
            }
            return query;
        }

        void condition(String sql, Object... values) {
            conditions.add(sql);
            params.addAll(List.of(values));
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        private static String escape(String text) {
            return text.strip()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
        }
    }
}
