package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.QueryPlans;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit page's queries at volume (300,000 events in a transaction that is rolled back): with
 * every filter and combination of them, first page and later pages, each reads an index, and the
 * count stops at its limit instead of counting the trail. A rare action, a small account and a role each
 * read their own index (a common one may rather walk the trail's own order).
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
                new AuditFilter(null, null, "bob", REQUEST),
                new AuditFilter(null, null, null, null, "request.approved", null, null),
                new AuditFilter(null, null, null, null, null, "111122223309", null),
                new AuditFilter(null, null, null, null, null, null, "volume-42"),
                new AuditFilter(null, null, "bob", null, "request.approved", null, null),
                new AuditFilter(null, null, null, null, null, "111122223309", "volume-42"),
                new AuditFilter(now.minus(7, ChronoUnit.DAYS), null, null, null, null, "111122223309", null),
                new AuditFilter(null, null, null, null, "request.rejected", null, "volume-42"),
                new AuditFilter(null, null, null, null, "role.deleted", null, null));
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
                               CASE WHEN e % 500 = 0 THEN 'role.deleted'
                                    ELSE (ARRAY['request.submitted','request.approved','request.rejected','apply.step',
                                                'request.commented','role.applied'])[1 + (e % 6)] END,
                               CASE WHEN e % 1000 = 0 THEN '3f2b9c1e-8a4d-4c6b-9f1e-2d7a5b3c4e6f'::uuid
                                    ELSE md5(e::text)::uuid END,
                               CASE WHEN e % 400 = 0 THEN '111122229999'
                                    ELSE '1111222233' || lpad((e % 20)::text, 2, '0') END,
                               'volume-' || (e % 5000), '{"revision":1}'
                        FROM generate_series(1, 300000) AS e"""), "audit_event")) {
            List<String> problems = new ArrayList<>();
            for (AuditEventRepository.Statement statement : statements) {
                String plan = plans.explain(statement.sql(), statement.params());
                QueryPlans.problems(plan, "audit_event")
                        .forEach(problem -> problems.add(
                                statement.sql() + " " + statement.params() + "\n  " + problem + "\n" + plan));
            }
            assertThat(problems).isEmpty();
            Map<AuditFilter, String> ownIndex = Map.of(
                    new AuditFilter(null, null, null, null, "role.deleted", null, null), "audit_event_by_action",
                    new AuditFilter(null, null, null, null, null, "111122229999", null), "audit_event_by_account",
                    new AuditFilter(null, null, null, null, null, null, "volume-42"), "audit_event_by_role");
            assertThat(plans.explain(AuditEventRepository.LATEST_VERIFICATION, List.of()))
                    .as("the latest verification")
                    .contains("audit_event_verifications");
            // It runs on every view of the audit page with a plan PostgreSQL may keep.
            assertThat(plans.explainGeneric(AuditEventRepository.LATEST_VERIFICATION, List.of()))
                    .as("the latest verification, generic plan")
                    .contains("audit_event_verifications");
            for (Map.Entry<AuditFilter, String> filter : ownIndex.entrySet()) {
                AuditEventRepository.Statement page = AuditEventRepository.page(filter.getKey(), null, null, 51);
                assertThat(plans.explain(page.sql(), page.params()))
                        .as("%s", filter.getKey())
                        .contains(filter.getValue());
            }
        }
    }
}
