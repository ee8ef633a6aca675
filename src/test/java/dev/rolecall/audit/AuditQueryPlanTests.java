package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.QueryPlans;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit page's queries at volume (300,000 events in a transaction that is rolled back): with
 * every filter and combination of them, first page and later pages, each reads an index, and the
 * count stops at its limit instead of counting the trail.
 */
@RolecallIntegrationTest
class AuditQueryPlanTests {

    private static final UUID REQUEST = UUID.fromString("3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f");

    @Test
    void everyFilterReadsAnIndexAndNoCountReadsTheTrail() throws Exception {
        Instant now = Instant.now();
        List<AuditFilter> filters = List.of(
                AuditFilter.all(),
                new AuditFilter(null, null, "bob", null),
                new AuditFilter(null, null, null, REQUEST),
                new AuditFilter(now.minus(1, ChronoUnit.DAYS), null, null, null),
                new AuditFilter(now.minus(30, ChronoUnit.DAYS), now.minus(29, ChronoUnit.DAYS), null, null),
                new AuditFilter(now.minus(7, ChronoUnit.DAYS), null, "bob", null),
                new AuditFilter(null, null, "bob", REQUEST));
        List<AuditEventRepository.Statement> statements = new ArrayList<>();
        for (AuditFilter filter : filters) {
            statements.add(AuditEventRepository.page(filter, null, null, 51));
            statements.add(AuditEventRepository.page(filter, 150_000L, null, 51));
            statements.add(AuditEventRepository.page(filter, null, 150_000L, 51));
            statements.add(AuditEventRepository.count(filter, AuditService.COUNT_LIMIT + 1));
        }
        try (QueryPlans plans = QueryPlans.filled(List.of("""
                        INSERT INTO audit_event (occurred_at, actor, action, request_id, account_id, role_name, details)
                        SELECT now() - make_interval(secs => (300000 - e) * 100),
                               (ARRAY['alice','bob','erin','frank','dave','carol','rolecall','eng7','eng42','eng99'])[1 + (e % 10)],
                               'request.submitted',
                               CASE WHEN e % 1000 = 0 THEN '3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f'::uuid
                                    ELSE md5(e::text)::uuid END,
                               '111122223333', 'volume-' || (e % 5000), '{"revision":1}'
                        FROM generate_series(1, 300000) AS e"""), "audit_event")) {
            List<String> problems = new ArrayList<>();
            for (AuditEventRepository.Statement statement : statements) {
                String plan = plans.explain(statement.sql(), statement.params());
                QueryPlans.problems(plan, "audit_event")
                        .forEach(problem -> problems.add(
                                statement.sql() + " " + statement.params() + "\n  " + problem + "\n" + plan));
            }
            assertThat(problems).isEmpty();
        }
    }
}
