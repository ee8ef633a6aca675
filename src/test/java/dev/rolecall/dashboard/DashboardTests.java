package dev.rolecall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard through the whole stack on PostgreSQL: its figures from a known set of requests (in a
 * week of 2031 that no other test fills, rolled back afterwards), each tile's link, the charts with
 * their tables, and that requesters neither get it as their home nor may open it.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
@Transactional
class DashboardTests {

    /** A Wednesday noon: its week starts on Monday 2031-06-16. */
    private static final Instant NOW = Instant.parse("2031-06-18T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    DashboardService dashboard;

    @Autowired
    DataSource dataSource;

    @Test
    void theFiguresCountTheFixture() {
        DashboardFigures before = dashboard.read(NOW);
        fixture();
        DashboardFigures after = dashboard.read(NOW);

        assertThat(after.inReview()).isEqualTo(before.inReview() + 1);
        assertThat(after.failed()).isEqualTo(before.failed() + 1);
        assertThat(after.expiring()).isEqualTo(before.expiring() + 1);
        // Closed reviews: 2 h (approved), 4 h (rejected), 6 h (second of two approvals); the comment,
        // the still-open request and January's decision do not count.
        assertThat(after.decided()).isEqualTo(3);
        assertThat(after.medianToDecide()).isEqualTo(Duration.ofHours(4));
        assertThat(after.p90ToDecide()).isEqualTo(Duration.ofMinutes(5 * 60 + 36));
        assertThat(after.medianText()).isEqualTo("4 h 0 min");
        assertThat(after.p90Text()).isEqualTo("5 h 36 min");

        List<BarChart.Bar> weeks = after.weekly().bars();
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(11).label()).isEqualTo("16 Jun");
        // Approved, rejected, withdrawn, still open; the draft and January's request are left out.
        assertThat(weeks.get(11).values()).containsExactly(2L, 0L, 1L, 0L);
        assertThat(weeks.get(10).values()).containsExactly(0L, 1L, 0L, 1L);
        assertThat(weeks.subList(0, 10)).allMatch(week -> week.total() == 0);
        assertThat(after.risks().bars()).extracting(BarChart.Bar::total).containsExactly(1L, 1L, 1L, 1L, 1L);
    }

    @Test
    void aReviewerSeesEveryTileLinkedToItsListAndBothChartsWithTheirNumbers() throws Exception {
        mvc.perform(get("/").with(as("bob"))).andExpect(redirectedUrl("/dashboard"));
        String page = page("bob");
        assertThat(tile(page, "tile-in-review")).contains("href=\"/requests?status=IN_REVIEW\"");
        assertThat(tile(page, "tile-waiting")).contains("href=\"/inbox?tab=MY_GROUPS\"");
        assertThat(tile(page, "tile-failed")).contains("href=\"/requests?status=FAILED\"");
        assertThat(tile(page, "tile-expiring"))
                .containsPattern("href=\"/roles\\?expiresBefore=[0-9-]{10}T[0-9:]{8}Z\"")
                .contains("Roles expiring this week");
        assertThat(tile(page, "tile-decide")).contains("href=\"/inbox?tab=DECIDED_BY_ME\"");
        String weekly = section(page, "chart-weekly");
        assertThat(weekly)
                .contains(
                        "<svg", "role=\"img\"", "<title id=\"chart-weekly-title\">Requests per week by outcome</title>")
                .contains("<rect", "<table id=\"chart-weekly-table\">", "<th scope=\"col\">Approved</th>");
        assertThat(rows(weekly)).isEqualTo(12);
        String risks = section(page, "chart-risks");
        assertThat(risks)
                .contains("<title id=\"chart-risks-title\">Risk levels</title>", "<th scope=\"row\">Critical</th>");
        assertThat(rows(risks)).isEqualTo(5);
        assertThat(page).doesNotContain("style=", "<script>");
    }

    @Test
    void auditorsAndAdminsGetItWithoutTheReviewerTileAndWithTheDecisionsInTheTrail() throws Exception {
        for (String person : List.of("carol", "dave")) {
            mvc.perform(get("/").with(as(person))).andExpect(redirectedUrl("/dashboard"));
            String page = page(person);
            assertThat(page).doesNotContain("id=\"tile-waiting\"");
            assertThat(tile(page, "tile-decide")).contains("href=\"/audit?action=request.decision&amp;from=");
        }
    }

    @Test
    void requestersKeepTheirRequestsAsHomeAndMayNotOpenTheDashboard() throws Exception {
        mvc.perform(get("/").with(as("alice"))).andExpect(redirectedUrl("/requests"));
        mvc.perform(get("/dashboard").with(as("alice"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theWaitingTileCountsWhatTheInboxCounts() throws Exception {
        String inbox = mvc.perform(get("/inbox").with(as("bob")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher count =
                Pattern.compile("id=\"inbox-count\">\\(([^)]*)\\)</span>").matcher(inbox);
        assertThat(count.find()).isTrue();
        assertThat(tile(page("bob"), "tile-waiting"))
                .contains("<span class=\"tile-value\">" + count.group(1) + "</span>");
    }

    @Test
    void theExpiringTileCountsTheRolesItsLinkLists() throws Exception {
        Instant now = Instant.now();
        DashboardFigures before = dashboard.read(now);
        String prefix = "tile-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        role(prefix + "in2d", "ACTIVE", now.plus(Duration.ofDays(2)));
        role(prefix + "in6d", "EXPIRING", now.plus(Duration.ofDays(6)));
        role(prefix + "in10d", "ACTIVE", now.plus(Duration.ofDays(10)));
        role(prefix + "expired", "EXPIRED", now.minus(Duration.ofDays(1)));
        DashboardFigures figures = dashboard.read(now);
        assertThat(figures.expiring()).isEqualTo(before.expiring() + 2);

        // The tile's link, as the page writes it, lists as many roles as the tile counts, and ours among them.
        String list = mvc.perform(get("/roles")
                        .param("expiresBefore", figures.expiringBefore().toString())
                        .with(as("bob")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("<caption class=\"muted small\">" + figures.expiringText() + " roles</caption>")
                .contains(prefix + "in2d", prefix + "in6d")
                .doesNotContain(prefix + "in10d", prefix + "expired");
        assertThat(list.indexOf(prefix + "in2d")).isLessThan(list.indexOf(prefix + "in6d"));
        // And with only ours: exactly the two.
        String ours = mvc.perform(get("/roles")
                        .param("expiresBefore", figures.expiringBefore().toString())
                        .param("q", prefix)
                        .with(as("bob")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ours).contains("<caption class=\"muted small\">2 roles</caption>");
    }

    /** A role in the inventory with a spec the role list can read. */
    private void role(String name, String state, Instant expiresAt) {
        String spec = """
                {"accountId":"111122223333","roleName":"%s","path":"/","description":"dashboard",\
                "trustPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]},\
                "managedPolicyArns":[],"inlinePolicies":{},"permissionsBoundaryArn":null,\
                "maxSessionDurationSeconds":3600,"tags":{},"expiresAt":"%s"}""".formatted(name, expiresAt);
        jdbc().sql("""
                        INSERT INTO managed_role (id, account_id, role_name, owner_team, spec, state, expires_at,
                                                  created_at, updated_at)
                        VALUES (?, '111122223333', ?, 'payments', ?, ?, ?, now(), now())""")
                .params(UUID.randomUUID(), name, spec, state, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
    }

    private String page(String person) throws Exception {
        return mvc.perform(get("/dashboard").with(as(person)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The markup of the tile with this id. */
    private static String tile(String page, String id) {
        int start = page.indexOf("<li class=\"card tile\" id=\"" + id + "\"");
        assertThat(start).as("tile %s", id).isNotNegative();
        return page.substring(start, page.indexOf("</li>", start));
    }

    /** The markup of the chart section with this id. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("chart %s", id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static int rows(String chart) {
        String body = chart.substring(chart.indexOf("<tbody>"), chart.indexOf("</tbody>"));
        return body.split("<tr>", -1).length - 1;
    }

    static RequestPostProcessor as(String name) {
        return switch (name) {
            case "bob" -> user("bob").roles("REQUESTER", "REVIEWER");
            case "carol" -> user("carol").roles("REQUESTER", "AUDITOR");
            case "dave" -> user("dave").roles("REQUESTER", "ADMIN");
            default -> user(name).roles("REQUESTER");
        };
    }

    private void fixture() {
        UUID approved = request("2031-06-16T10:00:00Z", "APPLIED", "HIGH");
        decision(approved, "APPROVE", "2031-06-16T12:00:00Z");
        UUID rejected = request("2031-06-09T10:00:00Z", "REJECTED", "LOW");
        decision(rejected, "REJECT", "2031-06-09T14:00:00Z");
        UUID open = request("2031-06-10T10:00:00Z", "IN_REVIEW", "MEDIUM");
        decision(open, "COMMENT", "2031-06-10T11:00:00Z");
        UUID failed = request("2031-06-16T08:00:00Z", "FAILED", "CRITICAL");
        decision(failed, "APPROVE", "2031-06-16T09:00:00Z");
        decision(failed, "APPROVE", "2031-06-16T14:00:00Z");
        request("2031-06-17T08:00:00Z", "WITHDRAWN", null);
        request("2031-06-17T09:00:00Z", "DRAFT", "LOW");
        UUID january = request("2031-01-06T08:00:00Z", "APPLIED", "LOW");
        decision(january, "APPROVE", "2031-01-06T09:00:00Z");
        jdbc().sql("""
                        INSERT INTO managed_role (id, account_id, role_name, spec, state, expires_at, created_at, updated_at)
                        VALUES (?, '111122223333', ?, '{}', 'EXPIRING', ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        "dash-" + UUID.randomUUID().toString().substring(0, 8),
                        at("2031-06-19T00:00:00Z"),
                        at("2031-06-01T00:00:00Z"),
                        at("2031-06-01T00:00:00Z"))
                .update();
    }

    private UUID request(String filed, String status, @Nullable String risk) {
        UUID id = UUID.randomUUID();
        jdbc().sql("""
                        INSERT INTO role_request (id, requester, account_id, role_name, revision, spec, justification,
                                                  status, risk_level, created_at, updated_at, version)
                        VALUES (?, 'dash-requester', '111122223333', ?, 1, '{}', 'dashboard', ?, ?, ?, ?, 0)""")
                .params(id, "dash-" + id.toString().substring(0, 8), status, risk, at(filed), at(filed))
                .update();
        jdbc().sql("""
                        INSERT INTO role_request_revision (id, request_id, revision, spec, justification, submitted_by,
                                                           submitted_at)
                        VALUES (?, ?, 1, '{}', 'dashboard', 'dash-requester', ?)""").params(UUID.randomUUID(), id, at(filed)).update();
        return id;
    }

    private void decision(UUID request, String decision, String decidedAt) {
        jdbc().sql("""
                        INSERT INTO role_request_decision (id, request_id, reviewer, decision, revision, decided_at)
                        VALUES (?, ?, 'bob', ?, 1, ?)""")
                .params(UUID.randomUUID(), request, decision, at(decidedAt))
                .update();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private static OffsetDateTime at(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
