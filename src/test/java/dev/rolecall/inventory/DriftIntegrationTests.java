package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * A change made in AWS behind Rolecall's back is found (by "Check now" and by the scheduled scan),
 * shown with the field diff and the access it added, and resolved: re-applied by a reviewer, or
 * accepted through a change request.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
@UsesMoto
class DriftIntegrationTests {

    static final String ACCOUNT = RoleInventoryIntegrationTests.ACCOUNT;
    /** An account scanned weekly: rolecall.accounts[1].drift-interval=7d. */
    private static final String WEEKLY_ACCOUNT = "121212121212";

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String WRITE_ALL_S3 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";

    private final IamClient iam = MotoServer.shared().iamClient();

    @Autowired
    RoleRequestService requests;

    @Autowired
    RoleInventory inventory;

    @Autowired
    DriftCheck drift;

    @Autowired
    DriftSchedule schedule;

    @Autowired
    AccountRegistry accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        RoleExpiryIntegrationTests.account(registry, 0, ACCOUNT);
        RoleExpiryIntegrationTests.account(registry, 1, WEEKLY_ACCOUNT);
        registry.add("rolecall.accounts[1].drift-interval", () -> "7d");
    }

    @Test
    void theRecurringScanReadsEachAccountAtItsOwnInterval() {
        apply(InventorySpecs.spec(ACCOUNT, "hourly-reader", null), RequestKind.CREATE);
        apply(InventorySpecs.spec(WEEKLY_ACCOUNT, "weekly-reader", null), RequestKind.CREATE);
        awaitState(ACCOUNT, "hourly-reader", RoleState.ACTIVE);
        awaitState(WEEKLY_ACCOUNT, "weekly-reader", RoleState.ACTIVE);
        behindRolecallsBack("hourly-reader");
        behindRolecallsBack("weekly-reader");
        // Both accounts were last scanned two hours ago: past the default hour, well within the week.
        for (String account : new String[] {ACCOUNT, WEEKLY_ACCOUNT}) {
            jdbc.update(
                    "INSERT INTO inventory_drift_scan (account_id, scanned_at) VALUES (?, now() - interval '2 hours')"
                            + " ON CONFLICT (account_id) DO UPDATE SET scanned_at = EXCLUDED.scanned_at",
                    account);
        }

        drift.scanDue(schedule);

        assertThat(schedule.tick()).isEqualTo(Duration.ofHours(1));
        assertThat(awaitState(ACCOUNT, "hourly-reader", RoleState.DRIFTED).drift())
                .isNotEmpty();
        assertThat(inventory.get(WEEKLY_ACCOUNT, "weekly-reader", BOB).role().state())
                .isEqualTo(RoleState.ACTIVE);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM inventory_drift_scan WHERE scanned_at > now() - interval '1 minute'",
                        Integer.class))
                .isEqualTo(1);
        // Scanned just now: a second run in the same hour reads nothing.
        assertThat(schedule.claimIfDue(accounts.find(ACCOUNT).orElseThrow(), Instant.now()))
                .isFalse();
    }

    @Test
    void driftIsFoundWithTheAccessItAddedAndReappliedByAReviewer() throws Exception {
        apply(InventorySpecs.spec(ACCOUNT, "drifting-reader", null), RequestKind.CREATE);
        awaitState("drifting-reader", RoleState.ACTIVE);
        behindRolecallsBack("drifting-reader");

        mvc.perform(post("/roles/{a}/{n}/drift/check", ACCOUNT, "drifting-reader")
                        .with(RoleInventoryIntegrationTests.as("alice"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/roles/{a}/{n}/drift/check", ACCOUNT, "drifting-reader")
                        .with(RoleInventoryIntegrationTests.as("bob"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        ManagedRole.Row drifted = inventory.get(ACCOUNT, "drifting-reader", BOB).role();
        assertThat(drifted.state()).isEqualTo(RoleState.DRIFTED);
        assertThat(drifted.drift())
                .extracting(FieldDiff::field)
                .containsExactly("inlinePolicies.open-bucket", "tags.team");
        mvc.perform(get("/roles/{a}/{n}", ACCOUNT, "drifting-reader").with(RoleInventoryIntegrationTests.as("bob")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("s3:PutObject")))
                .andExpect(content().string(containsString("Re-apply the approved role")));
        assertThat(jdbc.queryForObject(
                        "SELECT details FROM audit_event WHERE action = 'inventory.drift_found' AND role_name = 'drifting-reader'",
                        String.class))
                .contains("inlinePolicies.open-bucket", "Newly allowed");

        mvc.perform(post("/roles/{a}/{n}/drift/reapply", ACCOUNT, "drifting-reader")
                        .with(RoleInventoryIntegrationTests.as("bob"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        awaitState("drifting-reader", RoleState.ACTIVE);
        assertThat(iam.listRolePolicies(request -> request.roleName("drifting-reader"))
                        .policyNames())
                .containsExactly("read-reports");
        assertThat(iam.listRoleTags(request -> request.roleName("drifting-reader"))
                        .tags())
                .contains(Tag.builder().key("team").value("payments").build());
        assertThat(inventory.get(ACCOUNT, "drifting-reader", BOB).history())
                .extracting(ManagedRoleRepository.RoleEvent::kind)
                .containsExactly("APPLIED", "DRIFT_FOUND", "DRIFT_REAPPLIED", "DRIFT_CLEARED");
        assertThat(jdbc.queryForObject(
                        "SELECT details FROM audit_event WHERE action = 'inventory.drift_reapplied' AND role_name = 'drifting-reader'",
                        String.class))
                .contains("DeleteRolePolicy drifting-reader open-bucket", "TagRole drifting-reader");
    }

    @Test
    void acceptedDriftIsAChangeRequestWhoseApplyMakesTheLiveRoleTheApprovedOne() {
        RoleSpec approved = InventorySpecs.spec(ACCOUNT, "drifting-writer", null);
        apply(approved, RequestKind.CREATE);
        awaitState("drifting-writer", RoleState.ACTIVE);
        behindRolecallsBack("drifting-writer");

        drift.scan();
        ManagedRole.Row drifted = awaitState("drifting-writer", RoleState.DRIFTED);

        // Accept: the change form's baseline is the live role; the requester words it, a reviewer approves it.
        RoleSpec live = drifted.liveSpec();
        RoleSpec accept = new RoleSpec(
                live.accountId(),
                live.roleName(),
                live.path(),
                "Reads payment reports and writes the open bucket",
                live.trustPolicy(),
                live.managedPolicyArns(),
                live.inlinePolicies(),
                live.permissionsBoundaryArn(),
                live.maxSessionDurationSeconds(),
                live.tags(),
                null);
        // The drift moved the role to another team, so its old team may no longer claim it: a reviewer files it.
        RoleRequestView change = apply(accept, RequestKind.CHANGE, BOB, ERIN);

        ManagedRole.Row accepted = awaitState("drifting-writer", RoleState.ACTIVE);
        assertThat(accepted.drift()).isEmpty();
        assertThat(accepted.spec().inlinePolicies()).containsKey("open-bucket");
        assertThat(accepted.spec().description()).isEqualTo("Reads payment reports and writes the open bucket");
        assertThat(accepted.lastRequestId()).isEqualTo(change.id().value());
        assertThat(drift.check(accepted.id(), "rolecall")).isEmpty();
    }

    private void behindRolecallsBack(String name) {
        iam.putRolePolicy(
                request -> request.roleName(name).policyName("open-bucket").policyDocument(WRITE_ALL_S3));
        iam.tagRole(request -> request.roleName(name)
                .tags(Tag.builder().key("team").value("someone-else").build()));
    }

    private RoleRequestView apply(RoleSpec spec, RequestKind kind) {
        return apply(spec, kind, ALICE, BOB);
    }

    private RoleRequestView apply(RoleSpec spec, RequestKind kind, CurrentUser requester, CurrentUser reviewer) {
        RoleRequestView filed =
                requests.submit(new SubmitRoleRequest(spec, "Payment reports", Map.of(), kind), requester);
        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to the reports bucket", reviewer);
        return await().atMost(PATIENCE)
                .until(() -> requests.get(filed.id(), requester), view -> view.status() == RoleRequestStatus.APPLIED);
    }

    private ManagedRole.Row awaitState(String name, RoleState state) {
        return awaitState(ACCOUNT, name, state);
    }

    private ManagedRole.Row awaitState(String account, String name, RoleState state) {
        return await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> inventory.get(account, name, BOB).role(), row -> row.state() == state);
    }
}
