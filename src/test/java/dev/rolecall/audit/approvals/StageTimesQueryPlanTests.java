package dev.rolecall.audit.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.audit.AuditFilter;
import dev.rolecall.test.QueryPlans;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit page's time to decide per stage at volume (300,000 events, 50,000 of them decisions, in a
 * transaction that is rolled back): with no filter, a range, a reviewer (common or rare) or a reviewer
 * and a range, the latest decisions
 * are read from an index newest first, never by a sequential scan of the trail.
 */
@RolecallIntegrationTest
class StageTimesQueryPlanTests {

    @Test
    void theLatestDecisionsOfEachFilterAreReadFromADecisionsIndex() throws Exception {
        Instant now = Instant.now();
        Map<AuditFilter, String> indexOf = Map.of(
                AuditFilter.all(),
                "audit_event_decisions",
                // A week of the trail (6,000 events): its time index stops early too.
                new AuditFilter(now.minus(7, ChronoUnit.DAYS), null, null, null),
                "(audit_event_decisions|audit_event_by_time)",
                // A reviewer of one decision in ten: walking all decisions finds theirs soon enough.
                new AuditFilter(null, null, "bob", null),
                "(audit_event_decisions_by_actor|audit_event_decisions)",
                // A reviewer of a few dozen: only their own index stops early.
                new AuditFilter(null, null, "olga", null),
                "audit_event_decisions_by_actor",
                // A week holds fewer events than the reviewer's decisions: either index stops early.
                new AuditFilter(now.minus(7, ChronoUnit.DAYS), null, "bob", null),
                "(audit_event_decisions_by_actor|audit_event_decisions|audit_event_by_time)");
        try (QueryPlans plans = QueryPlans.filled(List.of("""
                        INSERT INTO audit_event (occurred_at, actor, action, request_id, details)
                        SELECT now() - make_interval(secs => (300000 - e) * 100),
                               CASE WHEN e % 1201 = 0 THEN 'olga'
                                    ELSE (ARRAY['alice','bob','erin','frank','dave','carol','rolecall','eng7','eng42',
                                                'eng99'])[1 + (e % 10)] END,
                               (ARRAY['request.submitted','request.approved','request.stage_opened','request.decision',
                                      'apply.step','request.commented'])[1 + (e % 6)],
                               md5((e / 6)::text)::uuid,
                               CASE WHEN e % 6 = 3 THEN '{"revision":1,"decision":"APPROVE"}'
                                    WHEN e % 6 = 2 THEN '{"stage":1}' ELSE '{"revision":1}' END
                        FROM generate_series(1, 300000) AS e"""), "audit_event")) {
            for (Map.Entry<AuditFilter, String> filter : indexOf.entrySet()) {
                ApprovalQueries.StageTimesQuery query =
                        ApprovalQueries.StageTimesQuery.of(filter.getKey(), StageTimes.DECISIONS_LIMIT);
                String plan = plans.explain(query.sql(), query.params());
                assertThat(plan)
                        .as("%s\n%s", filter.getKey(), plan)
                        .doesNotContain("Seq Scan on audit_event")
                        .containsPattern("Index Scan Backward using " + filter.getValue() + " on audit_event d\\b");
            }
        }
    }
}
