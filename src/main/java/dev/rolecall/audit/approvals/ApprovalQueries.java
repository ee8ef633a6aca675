package dev.rolecall.audit.approvals;

import dev.rolecall.PlannedWithValues;
import dev.rolecall.audit.AuditFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Decisions as the audit trail recorded them ({@code request.decision}), each with the filing of
 * the revision it decided ({@code request.submitted} of that revision) and the opening of the
 * stage it was made in ({@code request.stage_opened}, the latest before it); without a recorded
 * opening the stage is 1 and the wait counts from the filing. The filter's range, actor (the reviewer)
 * and request apply to the decision.
 */
@Repository
class ApprovalQueries {

    private static final int FETCH_SIZE = 500;

    /**
     * Each decision with the filing of its revision and the latest opening of a stage before it
     * (a stage opens after the decision that closes the one before).
     */
    private static final String DECISIONS = """
            SELECT d.event_id, d.request_id, d.actor AS reviewer, d.occurred_at AS decided_at,
                   (d.details::jsonb ->> 'revision')::int AS revision,
                   COALESCE((o.details::jsonb ->> 'stage')::int, 1) AS stage,
                   d.details::jsonb ->> 'decision' AS decision,
                   s.occurred_at AS filed_at,
                   COALESCE(o.occurred_at, s.occurred_at) AS waited_from
            FROM audit_event d
            LEFT JOIN LATERAL (
                SELECT occurred_at FROM audit_event
                WHERE request_id = d.request_id AND action = 'request.submitted'
                  AND details::jsonb ->> 'revision' = d.details::jsonb ->> 'revision' AND event_id < d.event_id
                ORDER BY event_id DESC LIMIT 1) s ON TRUE
            LEFT JOIN LATERAL (
                SELECT occurred_at, details FROM audit_event
                WHERE request_id = d.request_id AND action = 'request.stage_opened' AND event_id < d.event_id
                  AND (s.occurred_at IS NULL OR occurred_at >= s.occurred_at)
                ORDER BY event_id DESC LIMIT 1) o ON TRUE
            WHERE d.action = 'request.decision' AND d.details::jsonb ->> 'decision' <> 'COMMENT'
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    ApprovalQueries(DataSource dataSource) {
        this.jdbc = PlannedWithValues.jdbcClient(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /** Hands each decision that matches to {@code action}, oldest first, from a cursor. */
    void forEachOldestFirst(AuditFilter filter, Consumer<ApprovalRow> action) {
        RowCallbackHandler each = rs -> action.accept(row(rs));
        Where where = Where.of(filter);
        streaming.query(DECISIONS + where.sql() + " ORDER BY d.event_id", each, where.params());
    }

    /**
     * The median and 90th percentile time to decide per stage, of the latest {@code limit}
     * decisions that match (each decision looks up its filing and its stage's opening, so the work
     * grows with the decisions taken, never with the trail). The latest are read in the order of
     * the decisions' index ({@code audit_event_decisions}, and by reviewer
     * {@code audit_event_decisions_by_actor}), newest first, and the reading stops there.
     */
    StageTimes timesPerStage(AuditFilter filter, int limit) {
        StageTimesQuery query = StageTimesQuery.of(filter, limit);
        long[] matched = {0};
        List<StageDecisionTimes> stages = jdbc.sql(query.sql())
                .params(query.params())
                .query((rs, n) -> {
                    matched[0] = rs.getLong("matched");
                    return new StageDecisionTimes(
                            rs.getInt("stage"),
                            rs.getLong("decisions"),
                            seconds(rs.getDouble("median")),
                            seconds(rs.getDouble("p90")));
                })
                .list();
        return new StageTimes(stages, matched[0] > limit);
    }

    /** The statement of {@link #timesPerStage} and its parameters; visible to the query-plan tests. */
    record StageTimesQuery(String sql, List<Object> params) {

        static StageTimesQuery of(AuditFilter filter, int limit) {
            Where where = Where.of(filter);
            List<Object> params = new ArrayList<>(List.of(where.params()));
            params.add(limit + 1);
            params.add(limit);
            return new StageTimesQuery("""
                    WITH latest AS (""" + DECISIONS + where.sql() + """
                         ORDER BY d.occurred_at DESC, d.event_id DESC LIMIT ?)
                    SELECT stage, count(*) AS decisions,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
                           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90,
                           (SELECT count(*) FROM latest) AS matched
                    FROM (SELECT stage, EXTRACT(EPOCH FROM decided_at - waited_from) AS seconds
                          FROM (SELECT * FROM latest ORDER BY decided_at DESC, event_id DESC LIMIT ?) decided
                          WHERE waited_from IS NOT NULL) timed
                    GROUP BY stage
                    ORDER BY stage""", params);
        }
    }

    /** The filter's conditions on the decision, as SQL and its parameters. */
    private record Where(String sql, Object[] params) {

        static Where of(AuditFilter filter) {
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            OffsetDateTime from = utc(filter.from());
            OffsetDateTime to = utc(filter.to());
            if (from != null) {
                sql.append(" AND d.occurred_at >= ?");
                params.add(from);
            }
            if (to != null) {
                sql.append(" AND d.occurred_at < ?");
                params.add(to);
            }
            String actor = filter.actor();
            if (actor != null) {
                sql.append(" AND d.actor = ?");
                params.add(actor);
            }
            UUID requestId = filter.requestId();
            if (requestId != null) {
                sql.append(" AND d.request_id = ?");
                params.add(requestId);
            }
            return new Where(sql.toString(), params.toArray());
        }
    }

    private static ApprovalRow row(ResultSet rs) throws SQLException {
        OffsetDateTime filed = rs.getObject("filed_at", OffsetDateTime.class);
        OffsetDateTime waited = rs.getObject("waited_from", OffsetDateTime.class);
        return new ApprovalRow(
                rs.getObject("request_id", UUID.class),
                rs.getInt("revision"),
                rs.getInt("stage"),
                rs.getString("reviewer"),
                rs.getString("decision"),
                filed == null ? null : filed.toInstant(),
                waited == null ? null : waited.toInstant(),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
