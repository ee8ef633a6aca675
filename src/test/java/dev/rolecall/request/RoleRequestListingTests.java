package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.test.QueryPlans;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lists read by keyset on real PostgreSQL: pages that neither skip nor repeat a request (ties in
 * time included), positions that survive new requests, and at volume, plans that use an index and
 * never count a whole table.
 */
@RolecallIntegrationTest
class RoleRequestListingTests {

    private static final Instant BASE = Instant.parse("2020-01-01T00:00:00Z");

    @Autowired
    RoleRequestListing listing;

    @Autowired
    DataSource dataSource;

    /** Files {@code n} requests of a new requester, two at each instant, and returns the requester. */
    private String requesterWith(int n) {
        String requester = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < n; i++) {
            OffsetDateTime at = OffsetDateTime.ofInstant(BASE.plusSeconds(i / 2), ZoneOffset.UTC);
            jdbc.sql("""
                            INSERT INTO role_request (id, requester, account_id, role_name, revision, spec, justification,
                                                      status, created_at, updated_at, version)
                            VALUES (?, ?, '111122223333', ?, 1, '{}', 'paging', ?, ?, ?, 0)""")
                    .params(UUID.randomUUID(), requester, "page-" + i, i % 3 == 0 ? "IN_REVIEW" : "APPLIED", at, at)
                    .update();
        }
        return requester;
    }

    private RoleRequestSlice page(
            String requester, RoleRequestSlice.@Nullable Key older, RoleRequestSlice.@Nullable Key newer) {
        return listing.slice(new RoleRequestListing.Scope(requester, null, null), true, older, newer, 20, true);
    }

    private static List<String> names(RoleRequestSlice slice) {
        return slice.items().stream().map(RoleRequestSummary::roleName).toList();
    }

    @Test
    void olderPagesWalkTheWholeListNewestFirstWithoutGapsOrRepeats() {
        String requester = requesterWith(45);
        List<String> seen = new ArrayList<>();
        RoleRequestSlice first = page(requester, null, null);
        assertThat(first.newer()).isNull();
        assertThat(first.count()).isEqualTo(45);
        RoleRequestSlice slice = first;
        while (true) {
            seen.addAll(names(slice));
            if (slice.older() == null) {
                break;
            }
            slice = page(requester, slice.older(), null);
            assertThat(slice.newer()).isNotNull();
        }
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        // Two requests share each second: the id breaks the tie, and times never go up.
        List<Instant> times = new ArrayList<>();
        seen.forEach(name -> times.add(BASE.plusSeconds(Integer.parseInt(name.substring(5)) / 2)));
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void newerGoesBackToExactlyThePreviousPage() {
        String requester = requesterWith(45);
        RoleRequestSlice first = page(requester, null, null);
        RoleRequestSlice second = page(requester, first.older(), null);
        RoleRequestSlice back = page(requester, null, second.newer());
        assertThat(names(back)).isEqualTo(names(first));
        assertThat(back.newer()).as("nothing is newer than the first page").isNull();
        assertThat(back.older()).isEqualTo(first.older());
    }

    @Test
    void aPositionStaysPutWhenNewRequestsArrive() {
        String requester = requesterWith(30);
        RoleRequestSlice first = page(requester, null, null);
        List<String> second = names(page(requester, first.older(), null));
        JdbcClient.create(dataSource)
                .sql("""
                        INSERT INTO role_request (id, requester, account_id, role_name, revision, spec, justification,
                                                  status, created_at, updated_at, version)
                        VALUES (?, ?, '111122223333', 'page-new', 1, '{}', 'paging', 'IN_REVIEW', now(), now(), 0)""")
                .params(UUID.randomUUID(), requester)
                .update();
        assertThat(names(page(requester, first.older(), null))).isEqualTo(second);
        assertThat(names(page(requester, null, null))).startsWith("page-new");
    }

    @Test
    void theInboxIsOldestFirstAndLeavesOutTheReviewersOwn() {
        String requester = requesterWith(9);
        RoleRequestSlice inbox = listing.slice(
                new RoleRequestListing.Scope(null, "someone-else", RoleRequestStatus.IN_REVIEW),
                false,
                null,
                null,
                100,
                true);
        List<String> mine = inbox.items().stream()
                .filter(summary -> summary.requester().equals(requester))
                .map(RoleRequestSummary::roleName)
                .toList();
        assertThat(mine).containsExactly("page-0", "page-3", "page-6");
        RoleRequestSlice own = listing.slice(
                new RoleRequestListing.Scope(null, requester, RoleRequestStatus.IN_REVIEW),
                false,
                null,
                null,
                100,
                true);
        assertThat(own.items()).noneMatch(summary -> summary.requester().equals(requester));
    }

    @Test
    void aPositionReadsBackAsItWasWritten() {
        RoleRequestSlice.Key key = new RoleRequestSlice.Key(
                Instant.parse("2026-12-02T03:04:05.123456789Z"),
                UUID.fromString("3f2a6c1e-0000-4000-8000-000000000001"));
        assertThat(key.toString()).isEqualTo("1796180645123456.3f2a6c1e-0000-4000-8000-000000000001");
        assertThat(RoleRequestSlice.Key.parse(key.toString())).isEqualTo(key);
        assertThat(key.createdAt()).isEqualTo(Instant.parse("2026-12-02T03:04:05.123456Z"));
        for (String bad : List.of("", ".", "12", "x.3f2a6c1e-0000-4000-8000-000000000001", "1.3f2a6c1e-0-4-8-1")) {
            assertThatThrownBy(() -> RoleRequestSlice.Key.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aCountStopsAtTheLimitAndSaysSo() {
        assertThat(new RoleRequestSlice(List.of(), null, null, 10_001L).countText())
                .isEqualTo("10,000+");
        assertThat(new RoleRequestSlice(List.of(), null, null, 1_234L).countText())
                .isEqualTo("1,234");
        assertThat(new RoleRequestSlice(List.of(), null, null, null).countText())
                .isEmpty();
    }

    /** 60,000 requests, 15 % alice's, 5 % in review: every list query reads an index, none counts all. */
    @Test
    void everyListQueryUsesAnIndexAtVolume() throws Exception {
        RoleRequestSlice.Key middle =
                new RoleRequestSlice.Key(Instant.now().minus(30, ChronoUnit.DAYS), UUID.randomUUID());
        List<RoleRequestListing.Statement> statements = new ArrayList<>();
        for (RoleRequestListing.Scope scope : List.of(
                new RoleRequestListing.Scope(null, null, null),
                new RoleRequestListing.Scope(null, null, RoleRequestStatus.APPLIED),
                new RoleRequestListing.Scope(null, null, RoleRequestStatus.IN_REVIEW),
                new RoleRequestListing.Scope("alice", null, null),
                new RoleRequestListing.Scope("alice", null, RoleRequestStatus.APPLIED),
                new RoleRequestListing.Scope(null, "bob", RoleRequestStatus.IN_REVIEW))) {
            for (boolean descending : List.of(true, false)) {
                statements.add(RoleRequestListing.page(scope, descending, null, 21));
                statements.add(RoleRequestListing.page(scope, descending, middle, 21));
            }
        }
        statements.add(RoleRequestListing.count(
                new RoleRequestListing.Scope(null, "bob", RoleRequestStatus.IN_REVIEW),
                RoleRequestSlice.COUNT_LIMIT + 1));
        try (QueryPlans plans = QueryPlans.filled(List.of("""
                        INSERT INTO role_request (id, requester, account_id, role_name, revision, spec, justification,
                                                  status, created_at, updated_at, version)
                        SELECT gen_random_uuid(),
                               CASE WHEN i % 20 < 3 THEN 'alice' ELSE 'eng' || (i % 500) END,
                               '111122223333', 'volume-' || i, 1, repeat('x', 1000), 'volume',
                               CASE WHEN i % 20 = 5 THEN 'IN_REVIEW' WHEN i % 20 = 6 THEN 'REJECTED'
                                    WHEN i % 20 = 7 THEN 'WITHDRAWN' ELSE 'APPLIED' END,
                               now() - make_interval(secs => i * 60), now(), 0
                        FROM generate_series(1, 60000) AS i"""), "role_request")) {
            List<String> problems = new ArrayList<>();
            for (RoleRequestListing.Statement statement : statements) {
                String plan = plans.explain(statement.sql(), statement.params());
                QueryPlans.problems(plan, "role_request")
                        .forEach(problem -> problems.add(statement.sql() + "\n  " + problem + "\n" + plan));
            }
            assertThat(problems).isEmpty();
        }
    }
}
