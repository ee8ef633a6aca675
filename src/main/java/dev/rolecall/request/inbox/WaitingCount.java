package dev.rolecall.request.inbox;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many requests wait on a person: found from the waiting stages that name one of their groups
 * (the partial GIN index {@code role_request_stage_waiting_groups}), and counted only up to a limit.
 */
@Repository
class WaitingCount {

    /** Counting stops here: more shows as "99+". */
    static final int LIMIT = 99;

    static final String SQL = """
            SELECT count(*) FROM (
                SELECT 1 FROM role_request_stage s
                JOIN role_request r ON r.id = s.request_id AND r.revision = s.revision
                WHERE s.opened_at IS NOT NULL AND s.passed_at IS NULL AND s.reviewer_groups && ?::text[]
                  AND (r.status = 'IN_REVIEW' OR (r.emergency_reason IS NOT NULL AND r.emergency_review IS NULL))
                  AND r.requester <> ?
                  AND NOT EXISTS (SELECT 1 FROM role_request_decision d
                                  WHERE d.request_id = r.id AND d.revision = r.revision
                                    AND d.reviewer = ? AND d.decision = 'APPROVE')
                LIMIT ?) AS waiting""";

    private final JdbcClient jdbc;

    WaitingCount(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    long count(String username, List<String> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        return jdbc.sql(SQL)
                .params(groups.toArray(String[]::new), username, username, LIMIT + 1)
                .query(Long.class)
                .single();
    }
}
