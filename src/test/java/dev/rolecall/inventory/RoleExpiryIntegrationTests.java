package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rolecall.provisioning.ManagedRoleCalls;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Temporary roles really expire, across a restart: the first console applies two roles that expire
 * a minute later, warns about them and schedules their revocation, then stops; a second console
 * on the same database runs the revocations. In the deleting account the role is gone; in the
 * account that keeps expired roles, it stays with the session deny and without its permissions.
 */
@RolecallIntegrationTest
@UsesMoto(resetBeforeEachTest = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleExpiryIntegrationTests {

    static final String DELETING = "444455556666";
    static final String KEEPING = "777788889999";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    /** When both roles expire: far enough for the first console to apply them and stop before. */
    static Instant expiry;

    private final IamClient iam = MotoServer.shared().iamClient();

    @Autowired
    RoleRequestService requests;

    @Autowired
    RoleInventory inventory;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        account(registry, 0, DELETING);
        account(registry, 1, KEEPING);
        registry.add("rolecall.inventory.accounts." + KEEPING + ".expiry", () -> "DETACH");
        registry.add("rolecall.inventory.expiry-warning", () -> "1h");
        registry.add("rolecall.inventory.expiry-sweep", () -> "2s");
    }

    static void account(DynamicPropertyRegistry registry, int index, String id) {
        String prefix = "rolecall.accounts[" + index + "].";
        registry.add(prefix + "id", () -> id);
        registry.add(prefix + "name", () -> "expiry-" + id);
        registry.add(prefix + "region", () -> "us-east-1");
        registry.add(prefix + "endpoint", () -> MotoServer.shared().endpoint().toString());
        registry.add(prefix + "mode", () -> "APPLY");
    }

    @AfterAll
    static void forgetExpiry() {
        expiry = null;
    }

    @Test
    @Order(1)
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void theFirstConsoleWarnsAndSchedulesTheRevocationAtTheExpiry() {
        expiry = Instant.now().plus(Duration.ofSeconds(60)).truncatedTo(ChronoUnit.SECONDS);
        apply(DELETING, "temporary-deleted");
        apply(KEEPING, "temporary-kept");

        for (String account : new String[] {DELETING, KEEPING}) {
            String name = account.equals(DELETING) ? "temporary-deleted" : "temporary-kept";
            ManagedRole.Row role = await().atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> inventory.get(account, name, BOB).role(), row -> row.state() == RoleState.EXPIRING);
            assertThat(jdbc.queryForObject(
                                    "SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                                    java.sql.Timestamp.class,
                                    InventoryJobs.EXPIRE_TASK,
                                    role.id().toString())
                            .toInstant())
                    .isEqualTo(expiry);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'inventory.expiry_warned' AND role_name LIKE 'temporary-%'",
                        Integer.class))
                .isEqualTo(2);
        // The revocation is still ahead: it is the next console that runs it.
        assertThat(Instant.now()).isBefore(expiry);
        assertThat(iam.getRole(request -> request.roleName("temporary-deleted")).role())
                .isNotNull();
    }

    @Test
    @Order(2)
    void theNextConsoleRevokesEachRoleAtItsExpiryAsItsAccountSays() throws Exception {
        assertThat(expiry).as("runs after the first console").isNotNull();

        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() ->
                        inventory.get(DELETING, "temporary-deleted", BOB).role().state() == RoleState.EXPIRED);
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() ->
                        inventory.get(KEEPING, "temporary-kept", BOB).role().state() == RoleState.EXPIRED);

        assertThatThrownBy(() -> iam.getRole(request -> request.roleName("temporary-deleted")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThat(iam.listAttachedRolePolicies(request -> request.roleName("temporary-kept"))
                        .attachedPolicies())
                .isEmpty();
        assertThat(iam.listRolePolicies(request -> request.roleName("temporary-kept"))
                        .policyNames())
                .containsExactly(ManagedRoleCalls.REVOKE_POLICY);
        String deny = URLDecoder.decode(
                iam.getRolePolicy(request ->
                                request.roleName("temporary-kept").policyName(ManagedRoleCalls.REVOKE_POLICY))
                        .policyDocument(),
                StandardCharsets.UTF_8);
        assertThat(deny).contains("\"Effect\":\"Deny\"", "\"DateLessThan\"", "\"aws:TokenIssueTime\"");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'inventory.expired' AND role_name LIKE 'temporary-%'",
                        Integer.class))
                .isEqualTo(2);
        assertThat(inventory.get(KEEPING, "temporary-kept", BOB).history())
                .extracting(ManagedRoleRepository.RoleEvent::kind)
                .containsExactly("APPLIED", "EXPIRY_WARNED", "EXPIRED");

        // Run again (a job delivered twice): nothing more happens.
        RoleInventory.RoleDetail kept = inventory.get(KEEPING, "temporary-kept", BOB);
        expiryOf(kept.role().id());
        assertThat(inventory.get(KEEPING, "temporary-kept", BOB).history()).hasSize(3);
    }

    @Autowired
    RoleExpiry roleExpiry;

    private void expiryOf(java.util.UUID id) {
        roleExpiry.expire(id);
    }

    private void apply(String account, String name) {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(InventorySpecs.spec(account, name, expiry), "Incident access", Map.of()), ALICE);
        requests.decide(filed.id(), null, DecisionType.APPROVE, "For the incident only", BOB);
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> requests.get(filed.id(), ALICE), view -> view.status() == RoleRequestStatus.APPLIED);
    }
}
