package dev.rolecall.dashboard;

import dev.rolecall.PlannedWithValues;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, read in SQL as a report over the request and inventory tables. Every
 * statement is bounded: counts by status stop at {@link #COUNT_LIMIT} + 1 and read the status
 * index, and the time figures read only their window (decisions of the last 30 days, requests of
 * the last 12 weeks) through the V86 indexes, so a view costs the same at 100,000 requests as at 100.
 */
@Repository
class DashboardStatistics {

    /** Counting stops here; a larger number shows as "10,000+". */
    static final int COUNT_LIMIT = 10_000;

    /** Statuses after a review that approved or rejected the revision, i.e. whose last decision closed it. */
    static final String DECIDED = "('APPROVED', 'APPLYING', 'APPLIED', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK',"
            + " 'EXPIRED', 'DRIFTED', 'DELETED', 'REJECTED')";

    /** A statement and its positional parameters, for the plan tests. */
    record Statement(String sql, List<Object> params) {}

    private final JdbcClient jdbc;

    DashboardStatistics(DataSource dataSource) {
        this.jdbc = PlannedWithValues.jdbcClient(dataSource);
    }

    /** Requests in a status, counted up to one past the limit. */
    static Statement requestsIn(String status) {
        return new Statement(
                "SELECT count(*) FROM (SELECT 1 FROM role_request WHERE status = ? LIMIT ?) AS bounded",
                List.of(status, COUNT_LIMIT + 1));
    }

    /**
     * Live roles (not expired or deleted) whose expiry is before {@code limit}, counted up to one past
     * the limit: the condition of the role list's expiry filter, in the same words as the partial
     * index (V97) that answers both, so the tile and the list it links to count the same roles.
     */
    static Statement rolesExpiringBefore(Instant limit) {
        return new Statement(
                "SELECT count(*) FROM (SELECT 1 FROM managed_role WHERE expires_at IS NOT NULL AND expires_at < ?"
                        + " AND state IN ('ACTIVE', 'IMPORTED', 'EXPIRING', 'DRIFTED') LIMIT ?) AS bounded",
                List.of(at(limit), COUNT_LIMIT + 1));
    }

    /**
     * Median and 90th percentile, in seconds, of the time from filing a revision to the decision that
     * closed its review (the last approval, or the rejection), for reviews closed since {@code since}.
     * The request and its revision are looked up by key for each closed review (scalar subqueries), so
     * the statement reads only the window's decisions and never joins a whole table.
     */
    static Statement timeToDecide(Instant since) {
        return new Statement("""
                SELECT count(*) AS decided,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
                FROM (SELECT extract(epoch FROM c.decided_at - (SELECT v.submitted_at FROM role_request_revision v
                                          WHERE v.request_id = c.request_id AND v.revision = c.revision)) AS seconds,
                             (SELECT r.status FROM role_request r
                              WHERE r.id = c.request_id AND r.revision = c.revision) AS status
                      FROM (SELECT request_id, revision, max(decided_at) AS decided_at
                            FROM role_request_decision
                            WHERE decided_at >= ? AND decision IN ('APPROVE', 'REJECT')
                            GROUP BY request_id, revision) AS c) AS closed
                WHERE status IN""" + " " + DECIDED, List.of(at(since)));
    }

    /** Requests filed in {@code [from, to)} by week (Monday 00:00 UTC), status and risk level. */
    static Statement filedByWeek(Instant from, Instant to) {
        return new Statement("""
                SELECT date_trunc('week', created_at AT TIME ZONE 'UTC') AS week, status, risk_level, count(*) AS n
                FROM role_request
                WHERE created_at >= ? AND created_at < ? AND status <> 'DRAFT'
                GROUP BY 1, 2, 3""", List.of(at(from), at(to)));
    }

    long count(Statement statement) {
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query(Long.class)
                .single();
    }

    /** The time to decide since then; empty durations when nothing was decided. */
    TimeToDecide timeToDecide(Statement statement) {
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, row) -> new TimeToDecide(
                        rs.getLong("decided"), seconds(rs.getObject("median")), seconds(rs.getObject("p90"))))
                .single();
    }

    List<FiledCount> filed(Statement statement) {
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, row) -> new FiledCount(
                        rs.getObject("week", LocalDateTime.class).toLocalDate(),
                        rs.getString("status"),
                        rs.getString("risk_level"),
                        rs.getLong("n")))
                .list();
    }

    /** How many reviews closed in the window, and their median and 90th percentile time. */
    record TimeToDecide(
            long decided,
            @Nullable Duration median,
            @Nullable Duration p90) {}

    /** The number of requests of one week, status and risk level ({@code null}: not analysed). */
    record FiledCount(
            LocalDate week, String status, @Nullable String risk, long count) {}

    private static @Nullable Duration seconds(@Nullable Object value) {
        return value == null ? null : Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
