package dev.rolecall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.QueryPlans;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's statements at volume (100,000 requests over three years with their revisions and
 * decisions, 20,000 managed roles, in a transaction that is rolled back): none reads a whole table,
 * each reads the index made for it, and the counts stop at their limit.
 */
@RolecallIntegrationTest
class DashboardQueryPlanTests {

    @Test
    void everyFigureReadsAnIndexAndOnlyItsWindow() throws Exception {
        Instant now = Instant.now();
        Map<DashboardStatistics.Statement, String> statements = Map.of(
                DashboardStatistics.requestsIn("IN_REVIEW"), "role_request_by_status",
                DashboardStatistics.requestsIn("FAILED"), "role_request_by_status",
                DashboardStatistics.rolesExpiringBefore(now.plus(DashboardService.EXPIRY_WINDOW)),
                        "managed_role_live_by_expiry",
                DashboardStatistics.timeToDecide(now.minus(30, ChronoUnit.DAYS)), "role_request_decision_by_time",
                DashboardStatistics.filedByWeek(now.minus(84, ChronoUnit.DAYS), now),
                        "role_request_by_created_outcome");
        try (QueryPlans plans = QueryPlans.filled(
                List.of("""
                        INSERT INTO role_request (id, requester, requester_team, account_id, role_name, revision, spec,
                                                  justification, status, risk_level, created_at, updated_at, version)
                        SELECT md5('dash' || i)::uuid, 'eng' || (i % 500), 'team' || (i % 20), '111122223333',
                               'dash-' || i, 1, '{}', 'volume',
                               CASE WHEN i % 20 = 0 THEN 'IN_REVIEW' WHEN i % 97 = 0 THEN 'FAILED'
                                    WHEN i % 10 = 1 THEN 'REJECTED' ELSE 'APPLIED' END,
                               (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + i % 4],
                               now() - make_interval(secs => (100000 - i) * 950),
                               now() - make_interval(secs => (100000 - i) * 950), 0
                        FROM generate_series(1, 100000) AS i""", """
                        INSERT INTO role_request_revision (id, request_id, revision, spec, justification, submitted_by,
                                                           submitted_at)
                        SELECT md5('dash-rev' || i)::uuid, md5('dash' || i)::uuid, 1, '{}', 'volume', 'eng' || (i % 500),
                               now() - make_interval(secs => (100000 - i) * 950)
                        FROM generate_series(1, 100000) AS i""", """
                        INSERT INTO role_request_decision (id, request_id, reviewer, decision, revision, decided_at)
                        SELECT md5('dash-dec' || i)::uuid, md5('dash' || i)::uuid, 'bob',
                               CASE WHEN i % 10 = 1 THEN 'REJECT' ELSE 'APPROVE' END, 1,
                               now() - make_interval(secs => (100000 - i) * 950) + interval '3 hours'
                        FROM generate_series(1, 100000) AS i WHERE i % 20 <> 0""", """
                        INSERT INTO managed_role (id, account_id, role_name, spec, state, expires_at, created_at,
                                                  updated_at)
                        SELECT md5('dash-role' || i)::uuid, '1111222233' || lpad((i % 20)::text, 2, '0'), 'dash-role-' || i,
                               '{}', CASE WHEN i % 200 = 0 THEN 'EXPIRING' WHEN i % 7 = 0 THEN 'EXPIRED' ELSE 'ACTIVE' END,
                               CASE WHEN i % 3 = 0 THEN now() + make_interval(hours => i % 4000 - 1000) END, now(), now()
                        FROM generate_series(1, 20000) AS i"""),
                "role_request",
                "role_request_revision",
                "role_request_decision",
                "managed_role")) {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<DashboardStatistics.Statement, String> entry : statements.entrySet()) {
                DashboardStatistics.Statement statement = entry.getKey();
                String plan = plans.explain(statement.sql(), statement.params());
                for (String table :
                        List.of("role_request", "role_request_decision", "role_request_revision", "managed_role")) {
                    if (plan.contains("Seq Scan on " + table + " ")) {
                        problems.add("sequential scan of " + table + ": " + statement.sql() + "\n" + plan);
                    }
                }
                if (!plan.contains(entry.getValue()) && !readsReviewIndex(statement, plan)) {
                    problems.add("does not read " + entry.getValue() + ": " + statement.sql() + "\n" + plan);
                }
                if (statement.sql().contains("count(*) FROM (SELECT 1") && !plan.contains("Limit")) {
                    problems.add("count without a limit: " + statement.sql() + "\n" + plan);
                }
            }
            assertThat(problems).isEmpty();
        }
    }

    /**
     * Requests in review may also be counted through the inbox's partial indexes on them (V78), which
     * hold only those rows: as good a read as the status index.
     */
    private static boolean readsReviewIndex(DashboardStatistics.Statement statement, String plan) {
        return statement.params().contains("IN_REVIEW") && plan.matches("(?s).*(using|on) role_request_review_by.*");
    }
}
