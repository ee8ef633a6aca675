package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.FRANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.events.RoleApplied;
import dev.rolecall.request.events.RoleRequestRef;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.QueryPlans;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An applied request lands in the inventory, once, and each reader sees the roles they may see on
 * the list, the role page, the API and the CSV.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
@UsesMoto
class RoleInventoryIntegrationTests {

    static final String ACCOUNT = "444455556666";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    RoleRequestService requests;

    @Autowired
    RoleInventory inventory;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("rolecall.accounts[0].id", () -> ACCOUNT);
        registry.add("rolecall.accounts[0].name", () -> "payments-dev");
        registry.add("rolecall.accounts[0].environment", () -> "dev");
        registry.add("rolecall.accounts[0].region", () -> "us-east-1");
        registry.add(
                "rolecall.accounts[0].endpoint",
                () -> MotoServer.shared().endpoint().toString());
        registry.add("rolecall.accounts[0].mode", () -> "APPLY");
    }

    @Test
    void anAppliedRequestBecomesAnActiveRoleOfTheRequestersTeamOnceWhateverTheDeliveries() throws Exception {
        RoleRequestView applied = apply(InventorySpecs.spec(ACCOUNT, "inventory-reader", null));

        ManagedRole.Row role = awaitRole("inventory-reader");
        assertThat(role.state()).isEqualTo(RoleState.ACTIVE);
        assertThat(role.ownerTeam()).isEqualTo("payments");
        assertThat(role.roleArn()).isEqualTo(applied.roleArn());
        assertThat(role.risk()).isEqualTo(applied.riskLevel());
        assertThat(role.lastRequestId()).isEqualTo(applied.id().value());

        // Delivered again (a republished event): nothing more is recorded.
        inventory.recordApplied(new RoleApplied(
                new RoleRequestRef(applied.id(), ACCOUNT, "inventory-reader"),
                "rolecall",
                applied.updatedAt(),
                String.valueOf(applied.roleArn()),
                List.of(),
                RequestKind.CREATE));
        RoleInventory.RoleDetail detail = inventory.get(ACCOUNT, "inventory-reader", ALICE);
        assertThat(detail.history()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo("APPLIED");
            assertThat(event.requestId()).isEqualTo(applied.id().value());
        });
    }

    @Test
    void requestersSeeTheirTeamsRolesAndReviewersSeeAll() throws Exception {
        apply(InventorySpecs.spec(ACCOUNT, "inventory-visible", null));
        awaitRole("inventory-visible");

        mvc.perform(get("/roles").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("inventory-visible")));
        mvc.perform(get("/roles").with(as("frank")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("inventory-visible"))));
        mvc.perform(get("/roles/{a}/{n}", ACCOUNT, "inventory-visible").with(as("frank")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/roles/{a}/{n}", ACCOUNT, "inventory-visible").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Request a change")))
                .andExpect(content()
                        .string(containsString("kind=DELETE&amp;account=444455556666&amp;role=inventory-visible")))
                .andExpect(content().string(containsString("payments-reports")));
        mvc.perform(get("/api/v1/roles").param("state", "ACTIVE").with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.roleName == 'inventory-visible')].ownerTeam")
                        .value("payments"));
        mvc.perform(get("/api/v1/roles/{a}/{n}", ACCOUNT, "inventory-visible").with(httpBasic("frank", "demo")))
                .andExpect(status().isNotFound());
        assertThat(inventory.list(RoleFilter.ALL, null, 50, FRANK).items()).isEmpty();
        assertThat(inventory.list(RoleFilter.ALL, null, 50, BOB).items())
                .extracting(ManagedRole.Row::roleName)
                .contains("inventory-visible");
    }

    @Test
    void filtersAndPagesAgreeAndABadFilterIsAFieldError() throws Exception {
        for (int i = 0; i < 3; i++) {
            apply(InventorySpecs.spec(ACCOUNT, "inventory-page-" + i, null));
        }
        for (int i = 0; i < 3; i++) {
            awaitRole("inventory-page-" + i);
        }
        RoleFilter filter = RoleFilter.named("INVENTORY-PAGE");
        RoleSlice first = inventory.list(filter, null, 2, BOB);
        assertThat(first.items())
                .extracting(ManagedRole.Row::roleName)
                .containsExactly("inventory-page-0", "inventory-page-1");
        assertThat(first.count()).isEqualTo(3);
        RoleSlice second = inventory.list(filter, first.next(), 2, BOB);
        assertThat(second.items()).extracting(ManagedRole.Row::roleName).containsExactly("inventory-page-2");
        assertThat(second.next()).isNull();
        assertThat(inventory
                        .list(
                                new RoleFilter(
                                        java.util.List.of("111111111111"), null, null, null, "inventory-page", null),
                                null,
                                5,
                                BOB)
                        .items())
                .isEmpty();

        mvc.perform(get("/roles").param("state", "SLEEPING").with(as("bob"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/roles").param("account", "12").with(httpBasic("bob", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("account")));
    }

    @Test
    void theCsvStreamsTheVisibleRolesWithFormulasNeutralisedAndIsAudited() throws Exception {
        apply(InventorySpecs.spec(ACCOUNT, "inventory-csv", null));
        awaitRole("inventory-csv");
        Integer before = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE action = 'inventory.exported'", Integer.class);

        String csv = mvc.perform(get("/roles.csv").param("q", "inventory-csv").with(as("bob")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(csv).startsWith("account_id,role_name,role_arn,owner_team,state");
        assertThat(csv).contains("444455556666,inventory-csv,arn:aws:iam::", ",payments,ACTIVE,");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'inventory.exported'", Integer.class))
                .isEqualTo(before + 1);
        assertThat(InventoryCsv.neutralise("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThatThrownBy(() -> inventory.get(ACCOUNT, "inventory-csv", FRANK)).isInstanceOf(InventoryException.class);
    }

    @Test
    void aRoleIsAnnouncedAsExpiringOncePerExpiryAndAgainWhenItsExpiryIsExtended() {
        Instant now = Instant.now();
        Instant expiry = now.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant extended = expiry.plus(Duration.ofDays(1));
        ManagedRole.Assessment none = new ManagedRole.Assessment(null, null);
        ManagedRole role = ManagedRole.create(
                InventorySpecs.spec(ACCOUNT, "inventory-expiring", expiry),
                "arn:aws:iam::" + ACCOUNT + ":role/inventory-expiring",
                "payments",
                none,
                false,
                now);
        transactions.executeWithoutResult(status -> {
            roles.save(role);
            roleExpiry.warnIfDue(role, now);
            // A change that keeps the expiry: EXPIRING again, and no second announcement.
            role.applied(role.spec(), UUID.randomUUID(), null, none, now);
            roles.save(role);
            roleExpiry.warnIfDue(role, now);
            role.applied(
                    InventorySpecs.spec(ACCOUNT, "inventory-expiring", extended), UUID.randomUUID(), null, none, now);
            roles.save(role);
            roleExpiry.warnIfDue(role, now);
        });

        assertThat(inventory.get(ACCOUNT, "inventory-expiring", BOB).role().state())
                .isEqualTo(RoleState.EXPIRING);
        assertThat(inventory.get(ACCOUNT, "inventory-expiring", BOB).history())
                .extracting(ManagedRoleRepository.RoleEvent::kind, ManagedRoleRepository.RoleEvent::detail)
                .containsExactly(
                        tuple(RoleExpiry.EXPIRY_WARNED, expiry.toString()),
                        tuple(RoleExpiry.EXPIRY_WARNED, extended.toString()));
        assertThat(jdbc.queryForList(
                        "SELECT serialized_event FROM event_publication WHERE event_type LIKE '%.RoleExpiringSoon'"
                                + " AND serialized_event LIKE '%\"inventory-expiring\"%' ORDER BY publication_date",
                        String.class))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .contains("\"expiresAt\":\"" + expiry + "\"", "\"ownerTeam\":\"payments\"")
                                .contains("\"rolePath\":\"/roles/" + ACCOUNT + "/inventory-expiring\"")
                                .contains("kind=CHANGE&account=" + ACCOUNT + "&role=inventory-expiring&expiresAt="
                                        + expiry.plus(RoleActions.EXTENSION).truncatedTo(ChronoUnit.MINUTES)),
                        second -> assertThat(second).contains("\"expiresAt\":\"" + extended + "\""));
    }

    @Test
    void theExpiryFilterListsLiveRolesSoonestFirstPagesBothWaysAndRefusesWhatItCannotRead() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String prefix = "expiry-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ManagedRole.Assessment none = new ManagedRole.Assessment(null, null);
        // Two roles share an expiry: the id orders them, and a page boundary falls between them.
        List<String> names = List.of("in1d", "in3d-a", "in3d-b", "in5d", "in6d", "in10d", "expired");
        List<Integer> days = List.of(1, 3, 3, 5, 6, 10, -1);
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < names.size(); i++) {
                String name = prefix + names.get(i);
                ManagedRole role = ManagedRole.create(
                        InventorySpecs.spec(ACCOUNT, name, now.plus(Duration.ofDays(days.get(i)))),
                        "arn:aws:iam::" + ACCOUNT + ":role/" + name,
                        "payments",
                        none,
                        false,
                        now);
                if (days.get(i) < 0) {
                    role.expired(now);
                }
                roles.save(role);
            }
        });
        RoleFilter filter = new RoleFilter(null, null, null, null, prefix, now.plus(Duration.ofDays(7)));

        // Forward in pages of two, then back from the last page to the first.
        RoleSlice first = inventory.list(new RoleFilterForm.Listing(filter, null, false), 2, BOB);
        RoleSlice second = inventory.list(new RoleFilterForm.Listing(filter, first.next(), false), 2, BOB);
        RoleSlice third = inventory.list(new RoleFilterForm.Listing(filter, second.next(), false), 2, BOB);
        assertThat(first.count()).isEqualTo(5);
        assertThat(first.previous()).isNull();
        List<String> forward = new java.util.ArrayList<>();
        for (RoleSlice slice : List.of(first, second, third)) {
            slice.items().forEach(row -> forward.add(row.roleName().substring(prefix.length())));
        }
        assertThat(forward.subList(0, 1)).containsExactly("in1d");
        assertThat(forward.subList(1, 3)).containsExactlyInAnyOrder("in3d-a", "in3d-b");
        assertThat(forward.subList(3, 5)).containsExactly("in5d", "in6d");
        assertThat(third.next()).isNull();
        assertThat(third.previous()).isNotNull();
        RoleSlice back = inventory.list(new RoleFilterForm.Listing(filter, third.previous(), true), 2, BOB);
        assertThat(back.items()).isEqualTo(second.items());
        assertThat(back.next()).isEqualTo(second.next());
        RoleSlice start = inventory.list(new RoleFilterForm.Listing(filter, back.previous(), true), 2, BOB);
        assertThat(start.items()).isEqualTo(first.items());
        assertThat(start.previous()).isNull();

        // The page and the API read the same filter; the API's positions page both ways too.
        String page = mvc.perform(
                        get("/roles").param("q", prefix).param("within", "7").with(as("bob")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(prefix + "in1d", prefix + "in6d")
                .doesNotContain(prefix + "in10d", prefix + "expired");
        assertThat(page.indexOf(prefix + "in1d")).isLessThan(page.indexOf(prefix + "in5d"));
        assertThat(page.indexOf(prefix + "in5d")).isLessThan(page.indexOf(prefix + "in6d"));
        String limit = now.plus(Duration.ofDays(7)).toString();
        String firstPage = apiPage(prefix, limit, "after", "");
        assertThat((Integer) JsonPath.read(firstPage, "$.count")).isEqualTo(5);
        assertThat((String) JsonPath.read(firstPage, "$.items[0].roleName")).isEqualTo(prefix + "in1d");
        assertThat((Object) JsonPath.read(firstPage, "$.previous")).isNull();
        String middle = apiPage(prefix, limit, "after", JsonPath.read(firstPage, "$.next"));
        assertThat((List<?>) JsonPath.read(middle, "$.items")).hasSize(2);
        String again = apiPage(prefix, limit, "before", JsonPath.read(middle, "$.previous"));
        assertThat((String) JsonPath.read(again, "$.items[0].roleName")).isEqualTo(prefix + "in1d");
        assertThat((Object) JsonPath.read(again, "$.previous")).isNull();
        // Requesters of another team see none of them, by expiry as by name.
        assertThat(inventory.list(filter, null, 10, FRANK).items()).isEmpty();

        mvc.perform(get("/roles").param("expiresBefore", "next week").with(as("bob")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(RoleFilterForm.EXPIRES_BEFORE)));
        mvc.perform(get("/roles").param("expiresBefore", "2020-01-01").with(as("bob")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("expiresBefore must be in the future")));
        mvc.perform(get("/roles").param("within", "9").with(as("bob"))).andExpect(status().isBadRequest());
        mvc.perform(get("/roles")
                        .param("within", "7")
                        .param("after", ACCOUNT + ":" + prefix + "in1d")
                        .with(as("bob")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("after must be a position from a page link")));
        mvc.perform(get("/api/v1/roles").param("expiresBefore", "2031-02-31").with(httpBasic("bob", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresBefore"))
                .andExpect(jsonPath("$.errors[0].message").value(RoleFilterForm.EXPIRES_BEFORE));
    }

    @Test
    void everyOrderOfTheListReadsAnIndexAtVolume() throws Exception {
        Instant now = Instant.now();
        List<RoleFilter> filters = List.of(
                RoleFilter.ALL,
                RoleFilter.ALL.ofTeam("team7"),
                RoleFilter.inState(RoleState.DRIFTED),
                RoleFilter.expiringBefore(now.plus(Duration.ofDays(7))),
                RoleFilter.expiringBefore(now.plus(Duration.ofDays(30))).ofTeam("team7"),
                new RoleFilter(null, null, null, RiskLevel.HIGH, null, now.plus(Duration.ofDays(7))));
        try (QueryPlans plans = QueryPlans.filled(List.of("""
                        INSERT INTO managed_role (id, account_id, role_name, spec, state, owner_team, risk_level,
                                                  expires_at, created_at, updated_at)
                        SELECT md5('plan-role' || i)::uuid, '1111222233' || lpad((i % 20)::text, 2, '0'),
                               'plan-role-' || i, '{}',
                               CASE WHEN i % 50 = 0 THEN 'DRIFTED' WHEN i % 7 = 0 THEN 'EXPIRED' ELSE 'ACTIVE' END,
                               'team' || (i % 40), (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + i % 4],
                               CASE WHEN i % 3 = 0 THEN now() + make_interval(hours => i % 4000 - 1000) END,
                               now(), now()
                        FROM generate_series(1, 50000) AS i"""), "managed_role")) {
            List<String> problems = new java.util.ArrayList<>();
            for (RoleFilter filter : filters) {
                RolePosition middle = filter.byExpiry()
                        ? new ExpiryKey(now.plus(Duration.ofDays(1)), new UUID(0, 0))
                        : new RoleKey("111122223310", "plan-role-25000");
                Map<String, ManagedRoleRepository.Statement> pages = Map.of(
                        "first page",
                        ManagedRoleRepository.page(filter, null, false, 51),
                        "after " + middle,
                        ManagedRoleRepository.page(filter, middle, false, 51),
                        "before " + middle,
                        ManagedRoleRepository.page(filter, middle, true, 51));
                for (var page : pages.entrySet()) {
                    String plan =
                            plans.explain(page.getValue().sql(), page.getValue().params());
                    String which = filter + ", " + page.getKey();
                    QueryPlans.problems(plan, "managed_role")
                            .forEach(problem -> problems.add(which + ": " + problem + "\n" + plan));
                    if (!plan.contains("Index")) {
                        problems.add(which + " reads no index:\n" + plan);
                    }
                }
            }
            assertThat(problems).isEmpty();
        }
    }

    /** A page of two of the API's roles by expiry, with one more parameter (a position). */
    private String apiPage(String prefix, String limit, String name, String value) throws Exception {
        return mvc.perform(get("/api/v1/roles")
                        .param("q", prefix)
                        .param("expiresBefore", limit)
                        .param("size", "2")
                        .param(name, value)
                        .with(httpBasic("bob", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Autowired
    ManagedRoleRepository roles;

    @Autowired
    RoleExpiry roleExpiry;

    @Autowired
    TransactionTemplate transactions;

    /** A signed-in page user with the demo user's roles; the team comes from the directory. */
    static RequestPostProcessor as(String name) {
        return switch (name) {
            case "bob" -> user("bob").roles("REQUESTER", "REVIEWER");
            case "dave" -> user("dave").roles("REQUESTER", "ADMIN");
            default -> user(name).roles("REQUESTER");
        };
    }

    RoleRequestView apply(RoleSpec spec) {
        RoleRequestView filed = requests.submit(new SubmitRoleRequest(spec, "Payment reports", Map.of()), ALICE);
        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to the reports bucket", BOB);
        return await().atMost(PATIENCE)
                .until(() -> requests.get(filed.id(), ALICE), view -> view.status() == RoleRequestStatus.APPLIED);
    }

    ManagedRole.Row awaitRole(String name) {
        return await().atMost(PATIENCE)
                .until(
                        () -> inventory.list(RoleFilter.named(name), null, 5, BOB).items().stream()
                                .filter(row -> row.roleName().equals(name))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }
}
