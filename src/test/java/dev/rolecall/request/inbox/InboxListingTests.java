package dev.rolecall.request.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.RoleRequestSummary;
import dev.rolecall.test.QueryPlans;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox's filters and sorts on real PostgreSQL: each filter keeps exactly its requests, each sort
 * walks its whole tab forwards and back without gaps or repeats, and a position stays put when new
 * requests arrive. Each test files its requests in an account of its own, which its filter names.
 */
@RolecallIntegrationTest
class InboxListingTests {

    private static final Instant BASE = Instant.parse("2021-03-01T00:00:00Z");

    @Autowired
    InboxListing listing;

    @Autowired
    DataSource dataSource;

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private static String newAccount() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    /** Files a request in review by {@code requester}, {@code minutes} after the base time. */
    private UUID file(
            String account,
            String name,
            String requester,
            int minutes,
            @Nullable RiskLevel risk,
            @Nullable String finding,
            RequestKind kind,
            String... moreFindings) {
        UUID id = UUID.randomUUID();
        List<String> codes = new ArrayList<>(List.of(moreFindings));
        if (finding != null) {
            codes.add(0, finding);
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(BASE.plusSeconds(60L * minutes), ZoneOffset.UTC);
        jdbc().sql("""
                        INSERT INTO role_request (id, requester, account_id, role_name, revision, spec, justification,
                                                  status, risk_level, top_finding_code, kind, created_at, updated_at,
                                                  version, finding_codes)
                        VALUES (?, ?, ?, ?, 1, '{}', ?, 'IN_REVIEW', ?, ?, ?, ?, ?, 0, ?)""")
                .params(id, requester, account, name, "Needed for " + name, risk == null ? null : risk.name(), finding)
                .param(kind.name())
                .params(at, at)
                .param(codes.toArray(String[]::new))
                .update();
        return id;
    }

    private UUID file(String account, String name, int minutes) {
        return file(account, name, "alice", minutes, RiskLevel.LOW, null, RequestKind.CREATE);
    }

    /**
     * Opens stage 1 of the request's route for {@code groups}, due {@code dueMinutes} after the base
     * time and already marked overdue, so that the SLA job of other tests leaves these rows alone.
     */
    private void openStage(UUID request, int dueMinutes, String... groups) {
        OffsetDateTime due = OffsetDateTime.ofInstant(BASE.plusSeconds(60L * dueMinutes), ZoneOffset.UTC);
        jdbc().sql("""
                        INSERT INTO role_request_stage (id, request_id, revision, position, reviewer_groups,
                                                        approvals_needed, sla_seconds, opened_at, due_at, overdue_at)
                        VALUES (?, ?, 1, 1, ?, 1, 3600, ?, ?, ?)""")
                .params(UUID.randomUUID(), request, groups, due.minusHours(1), due, due)
                .update();
    }

    private static InboxFilter account(String account) {
        return new InboxFilter(account, null, null, null, null, null, null);
    }

    private static InboxListing.Scope scope(InboxTab tab, InboxFilter filter) {
        return new InboxListing.Scope("reviewer-" + UUID.randomUUID(), tab, List.of("security"), filter, List.of());
    }

    private static List<String> names(InboxPage page) {
        return page.items().stream().map(RoleRequestSummary::roleName).toList();
    }

    /** Every row of a tab, page by page forwards, checking that each page leads back to the one before. */
    private List<String> walk(InboxListing.Scope scope, InboxSort sort, int size) {
        List<String> seen = new ArrayList<>();
        InboxPage page = listing.page(scope, sort, null, null, size, listing::count);
        assertThat(page.previous()).isNull();
        while (true) {
            seen.addAll(names(page));
            if (page.next() == null) {
                return seen;
            }
            InboxPage next = listing.page(scope, sort, page.next(), null, size, listing::count);
            assertThat(next.previous()).isNotNull();
            assertThat(names(listing.page(scope, sort, null, next.previous(), size, listing::count)))
                    .as("the page before the next one is this one")
                    .isEqualTo(names(page));
            page = next;
        }
    }

    @Test
    void eachFilterKeepsExactlyItsRequests() {
        String account = newAccount();
        file(account, "plain", 1);
        file(account, "by-frank", "frank", 2, RiskLevel.LOW, null, RequestKind.CREATE);
        file(account, "risky", "alice", 3, RiskLevel.HIGH, "iam-passrole-star", RequestKind.CREATE);
        file(account, "a-change", "alice", 4, RiskLevel.MEDIUM, null, RequestKind.CHANGE);
        file(account, "invoice-reader", "alice", 5, null, null, RequestKind.CREATE);
        String other = newAccount();
        file(other, "elsewhere", 6);

        assertThat(names(page(account(account))))
                .containsExactly("plain", "by-frank", "risky", "a-change", "invoice-reader");
        assertThat(names(page(new InboxFilter(account, null, RiskLevel.HIGH, null, null, null, null))))
                .containsExactly("risky");
        assertThat(names(page(new InboxFilter(account, null, null, RequestKind.CHANGE, null, null, null))))
                .containsExactly("a-change");
        assertThat(names(page(new InboxFilter(account, null, null, null, "frank", null, null))))
                .containsExactly("by-frank");
        assertThat(names(page(new InboxFilter(account, null, null, null, null, "iam-passrole-star", null))))
                .containsExactly("risky");
        assertThat(names(page(new InboxFilter(account, null, null, null, null, null, "INVOICE"))))
                .as("text matches the role name in any case")
                .containsExactly("invoice-reader");
        assertThat(names(page(new InboxFilter(account, null, null, null, null, null, "needed for a-ch"))))
                .as("and the justification")
                .containsExactly("a-change");
        assertThat(names(page(new InboxFilter(account, null, null, null, null, null, "%"))))
                .as("LIKE's wildcards are text")
                .isEmpty();
        InboxListing.Scope environment = new InboxListing.Scope(
                "someone",
                InboxTab.ALL_OPEN,
                List.of(),
                new InboxFilter(null, "env", null, null, "alice", null, "elsewhere"),
                List.of(other));
        assertThat(names(listing.page(environment, InboxSort.OLDEST, null, null, 10, listing::count)))
                .containsExactly("elsewhere");
    }

    @Test
    void theFindingFilterMatchesAnyFindingOfTheRequestNotOnlyItsTopOne() {
        String account = newAccount();
        file(account, "second", "alice", 1, RiskLevel.HIGH, "iam-passrole-star", RequestKind.CREATE, "wildcard-action");
        file(account, "top", "alice", 2, RiskLevel.HIGH, "wildcard-action", RequestKind.CREATE);
        file(account, "without", "alice", 3, RiskLevel.HIGH, "iam-passrole-star", RequestKind.CREATE);
        file(account, "none", 4);

        assertThat(names(page(new InboxFilter(account, null, null, null, null, "wildcard-action", null))))
                .containsExactly("second", "top");
        assertThat(names(page(new InboxFilter(account, null, null, null, null, "iam-passrole-star", null))))
                .containsExactly("second", "without");
    }

    private InboxPage page(InboxFilter filter) {
        return listing.page(scope(InboxTab.ALL_OPEN, filter), InboxSort.OLDEST, null, null, 50, listing::count);
    }

    @Test
    void theReviewersOwnRequestsAndOtherGroupsStagesStayOut() {
        String account = newAccount();
        UUID security = file(account, "for-security", 1);
        openStage(security, 100, "security");
        UUID owners = file(account, "for-owners", 2);
        openStage(owners, 100, "payments-owners");
        file(account, "no-route", 3);
        file(account, "own", "erin", 4, RiskLevel.LOW, null, RequestKind.CREATE);

        InboxListing.Scope mine =
                new InboxListing.Scope("erin", InboxTab.MY_GROUPS, List.of("security"), account(account), List.of());
        assertThat(names(listing.page(mine, InboxSort.OLDEST, null, null, 10, listing::count)))
                .containsExactly("for-security", "no-route");
        InboxListing.Scope all =
                new InboxListing.Scope("erin", InboxTab.ALL_OPEN, List.of("security"), account(account), List.of());
        assertThat(names(listing.page(all, InboxSort.OLDEST, null, null, 10, listing::count)))
                .containsExactly("for-security", "for-owners", "no-route");
    }

    @Test
    void everySortWalksItsWholeTabForwardsAndBackWithoutGapsOrRepeats() {
        String account = newAccount();
        RiskLevel[] risks = {RiskLevel.LOW, RiskLevel.CRITICAL, null, RiskLevel.HIGH, RiskLevel.MEDIUM};
        for (int i = 0; i < 17; i++) {
            // Two requests share each minute and each due time: the id breaks the tie.
            UUID id = file(account, "sorted-" + i, "alice", i / 2, risks[i % 5], null, RequestKind.CREATE);
            if (i % 4 != 0) {
                openStage(id, 1000 - (i / 2) * 10, "security");
            }
        }
        InboxListing.Scope scope = scope(InboxTab.ALL_OPEN, account(account));
        List<String> oldest = walk(scope, InboxSort.OLDEST, 3);
        assertThat(oldest).hasSize(17).doesNotHaveDuplicates();
        assertThat(minutes(oldest)).isSorted();
        List<String> newest = walk(scope, InboxSort.NEWEST, 3);
        assertThat(newest).hasSize(17).doesNotHaveDuplicates();
        assertThat(minutes(newest)).isSortedAccordingTo((a, b) -> b - a);

        List<String> sla = walk(scope, InboxSort.SLA, 3);
        assertThat(sla).hasSize(17).doesNotHaveDuplicates();
        // Due times fall as requests get newer; the five without a waiting stage come last.
        assertThat(sla.subList(0, 12)).allMatch(name -> index(name) % 4 != 0);
        assertThat(minutes(sla.subList(0, 12))).isSortedAccordingTo((a, b) -> b - a);
        assertThat(sla.subList(12, 17)).allMatch(name -> index(name) % 4 == 0);

        List<String> risk = walk(scope, InboxSort.RISK, 3);
        assertThat(risk).hasSize(17).doesNotHaveDuplicates();
        List<Integer> order =
                risk.stream().map(name -> riskOrder(risks[index(name) % 5])).toList();
        assertThat(order).isSorted();
        assertThat(risk.subList(0, 4)).allMatch(name -> risks[index(name) % 5] == RiskLevel.CRITICAL);
    }

    private static int index(String name) {
        return Integer.parseInt(name.substring("sorted-".length()));
    }

    private static List<Integer> minutes(List<String> names) {
        return names.stream().map(name -> index(name) / 2).toList();
    }

    private static int riskOrder(@Nullable RiskLevel risk) {
        return risk == null ? 4 : 3 - risk.ordinal();
    }

    @Test
    void aPositionStaysPutWhenNewRequestsArriveInEverySort() {
        String account = newAccount();
        for (int i = 0; i < 8; i++) {
            openStage(
                    file(account, "stay-" + i, "alice", 10 + i, RiskLevel.MEDIUM, null, RequestKind.CREATE),
                    500 + i,
                    "x");
        }
        InboxListing.Scope scope = scope(InboxTab.ALL_OPEN, account(account));
        for (InboxSort sort : InboxSort.values()) {
            InboxPage first = listing.page(scope, sort, null, null, 3, listing::count);
            List<String> second = names(listing.page(scope, sort, first.next(), null, 3, listing::count));
            // A request that sorts before everything in each order: oldest, newest, most urgent, riskiest.
            UUID early = file(
                    account,
                    "early-" + sort,
                    "alice",
                    sort == InboxSort.NEWEST ? 10_000 : 0,
                    RiskLevel.CRITICAL,
                    null,
                    RequestKind.CREATE);
            openStage(early, 0, "x");
            assertThat(names(listing.page(scope, sort, first.next(), null, 3, listing::count)))
                    .as(sort.name())
                    .isEqualTo(second);
            assertThat(names(listing.page(scope, sort, null, null, 3, listing::count)))
                    .as(sort.name())
                    .startsWith("early-" + sort);
            jdbc().sql("DELETE FROM role_request_stage WHERE request_id = ?")
                    .param(early)
                    .update();
            jdbc().sql("DELETE FROM role_request WHERE id = ?").param(early).update();
        }
    }

    @Test
    void theDueTimeFollowsTheWaitingStageOfTheCurrentRevision() {
        String account = newAccount();
        UUID id = file(account, "due", 1);
        assertThat(due(id)).as("no route: nothing due").isNull();
        openStage(id, 60, "security");
        assertThat(due(id)).isEqualTo(BASE.plusSeconds(3600));
        jdbc().sql("UPDATE role_request_stage SET passed_at = now() WHERE request_id = ?")
                .param(id)
                .update();
        assertThat(due(id)).as("passed: nothing waits").isNull();
        jdbc().sql("UPDATE role_request_stage SET passed_at = NULL WHERE request_id = ?")
                .param(id)
                .update();
        jdbc().sql("UPDATE role_request SET status = 'REJECTED' WHERE id = ?")
                .param(id)
                .update();
        assertThat(due(id)).as("decided: nothing waits").isNull();
    }

    private @Nullable Instant due(UUID id) {
        return jdbc().sql("SELECT CASE WHEN review_due_at = 'infinity' THEN NULL ELSE review_due_at END"
                        + " FROM role_request WHERE id = ?")
                .param(id)
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                    return at == null ? null : at.toInstant();
                })
                .optional()
                .orElse(null);
    }

    @Test
    void aPositionReadsBackAsItWasWritten() {
        InboxCursor cursor = new InboxCursor(
                2,
                Instant.parse("2026-12-02T03:04:05.123456789Z"),
                UUID.fromString("3f2a6c1e-0000-4000-8000-000000000001"));
        assertThat(cursor.toString()).isEqualTo("2.1796180645123456.3f2a6c1e-0000-4000-8000-000000000001");
        assertThat(InboxCursor.parse(cursor.toString())).isEqualTo(cursor);
        InboxCursor none = new InboxCursor(0, null, UUID.fromString("3f2a6c1e-0000-4000-8000-000000000001"));
        assertThat(InboxCursor.parse(none.toString())).isEqualTo(none);
        assertThat(none.toString()).isEqualTo("0.none.3f2a6c1e-0000-4000-8000-000000000001");
    }

    /**
     * 60,000 requests (5 % in review, most with a waiting stage; the others with passed stages, a tenth
     * of them decided by bob): the first and
     * a later page of every sort, the default sort with each filter, every tab, the bounded counts and
     * the nav's count each read an index, never a whole table.
     */
    @Test
    void everyInboxQueryUsesAnIndexAtVolume() throws Exception {
        InboxCursor middle = new InboxCursor(2, Instant.now().minusSeconds(30L * 86_400), UUID.randomUUID());
        List<InboxListing.Statement> statements = new ArrayList<>();
        List<InboxListing.Statement> unfiltered = new ArrayList<>();
        for (InboxTab tab : InboxTab.values()) {
            InboxListing.Scope scope =
                    new InboxListing.Scope("bob", tab, List.of("security"), InboxFilter.NONE, List.of());
            for (InboxSort sort : InboxService.sortsOf(tab)) {
                statements.add(InboxListing.page(scope, sort, null, false, 21));
                statements.add(InboxListing.page(scope, sort, middle, false, 21));
                statements.add(InboxListing.page(scope, sort, middle, true, 21));
            }
            if (tab != InboxTab.DECIDED_BY_ME) {
                statements.add(InboxListing.count(scope, InboxPage.COUNT_LIMIT + 1));
                unfiltered.add(InboxListing.page(scope, InboxSort.OLDEST, null, false, 21));
            }
        }
        for (InboxFilter filter : List.of(
                new InboxFilter("000000000007", null, null, null, null, null, null),
                new InboxFilter(null, "prod", null, null, null, null, null),
                new InboxFilter(null, null, RiskLevel.HIGH, null, null, null, null),
                new InboxFilter(null, null, null, RequestKind.CHANGE, null, null, null),
                new InboxFilter(null, null, null, null, "eng7", null, null),
                new InboxFilter(null, null, null, null, null, "iam-passrole-star", null),
                new InboxFilter(null, null, null, null, null, "trust-any-principal", null),
                new InboxFilter("000000000007", null, RiskLevel.HIGH, null, null, "wildcard-action", null),
                new InboxFilter(null, null, null, null, null, null, "volume-12"))) {
            InboxListing.Scope scope = new InboxListing.Scope(
                    "bob", InboxTab.ALL_OPEN, List.of("security"), filter, List.of("000000000003", "000000000004"));
            statements.add(InboxListing.page(scope, InboxSort.OLDEST, null, false, 21));
            statements.add(InboxListing.page(scope, InboxSort.OLDEST, middle, false, 21));
            statements.add(InboxListing.count(scope, InboxPage.COUNT_LIMIT + 1));
        }
        statements.add(new InboxListing.Statement(
                WaitingCount.SQL, List.of(new String[] {"security"}, "bob", "bob", WaitingCount.LIMIT + 1)));
        try (QueryPlans plans =
                QueryPlans.filled(VOLUME, "role_request", "role_request_stage", "role_request_decision")) {
            List<String> problems = new ArrayList<>();
            for (InboxListing.Statement statement : statements) {
                String plan = plans.explain(statement.sql(), statement.params());
                QueryPlans.problems(plan, "role_request")
                        .forEach(problem -> problems.add(statement.sql() + "\n  " + problem + "\n" + plan));
            }
            assertThat(problems).isEmpty();
            // The nav's count runs on every page a reviewer opens, with a plan PostgreSQL may keep.
            String waiting = plans.explainGeneric(
                    WaitingCount.SQL, List.of(new String[] {"security"}, "bob", "bob", WaitingCount.LIMIT + 1));
            assertThat(QueryPlans.problems(waiting, "role_request")).as(waiting).isEmpty();
            assertThat(waiting).as(waiting).contains("role_request_stage_waiting_groups");
            for (InboxListing.Statement statement : unfiltered) {
                // A bitmap would gather every request in review before the first row of a page.
                assertThat(plans.explain(statement.sql(), statement.params()))
                        .as("an unfiltered tab walks the open requests' index and stops: " + statement.sql())
                        .doesNotContain("Bitmap Heap Scan on role_request ")
                        .contains("role_request_open_by_");
            }
            InboxListing.Scope rareFinding = new InboxListing.Scope(
                    "bob",
                    InboxTab.ALL_OPEN,
                    List.of("security"),
                    new InboxFilter(null, null, null, null, null, "trust-any-principal", null),
                    List.of());
            InboxListing.Statement count = InboxListing.count(rareFinding, InboxPage.COUNT_LIMIT + 1);
            assertThat(plans.explain(count.sql(), count.params()))
                    .as("a finding filter reads the finding codes' index")
                    .contains("role_request_review_finding_codes");
        }
    }

    private static final List<String> VOLUME = List.of("""
            INSERT INTO role_request (id, requester, account_id, role_name, revision, spec, justification, status,
                                      risk_level, top_finding_code, kind, created_at, updated_at, version,
                                      finding_codes)
            SELECT gen_random_uuid(),
                   CASE WHEN i % 20 < 3 THEN 'alice' ELSE 'eng' || (i % 500) END,
                   lpad((i % 50)::text, 12, '0'), 'volume-' || i, 1, repeat('x', 1000), 'volume',
                   CASE WHEN i % 20 = 5 THEN 'IN_REVIEW' WHEN i % 20 = 6 THEN 'REJECTED' ELSE 'APPLIED' END,
                   (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + i % 4],
                   CASE WHEN i % 7 = 0 THEN 'iam-passrole-star' WHEN i % 7 = 1 THEN 'wildcard-action' END,
                   CASE WHEN i % 9 = 0 THEN 'CHANGE' ELSE 'CREATE' END,
                   now() - make_interval(secs => i * 60), now(), 0,
                   CASE WHEN i % 7 = 0 THEN ARRAY['iam-passrole-star', 'wildcard-action']
                        WHEN i % 7 = 1 THEN ARRAY['wildcard-action']
                        WHEN i % 11 = 0 THEN ARRAY['trust-any-principal', 'wildcard-action']
                        ELSE '{}' END
            FROM generate_series(1, 60000) AS i""", """
            INSERT INTO role_request_stage (id, request_id, revision, position, reviewer_groups, approvals_needed,
                                            sla_seconds, opened_at, due_at)
            SELECT gen_random_uuid(), id, 1, 1,
                   CASE WHEN random() < 0.5 THEN ARRAY['security'] ELSE ARRAY['payments-owners'] END,
                   1, 3600, created_at, created_at + interval '8 hours'
            FROM role_request WHERE status = 'IN_REVIEW' AND role_name LIKE 'volume-%' AND random() < 0.9""", """
            INSERT INTO role_request_stage (id, request_id, revision, position, reviewer_groups, approvals_needed,
                                            sla_seconds, opened_at, due_at, passed_at)
            SELECT gen_random_uuid(), id, 1, p, ARRAY['security'], 1, 3600, created_at, created_at + interval '8 hours',
                   created_at + interval '1 hour'
            FROM role_request, generate_series(1, 2) AS p
            WHERE status <> 'IN_REVIEW' AND role_name LIKE 'volume-%'""", """
            INSERT INTO role_request_decision (id, request_id, reviewer, decision, revision, decided_at)
            SELECT gen_random_uuid(), id, CASE WHEN random() < 0.1 THEN 'bob' ELSE 'erin' END, 'APPROVE', 1, now()
            FROM role_request WHERE status <> 'IN_REVIEW' AND role_name LIKE 'volume-%'""");
}
