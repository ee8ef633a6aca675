package dev.rolecall.provisioning;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.UsesTestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provisioning module with the modules it depends on, and nothing else: approving a request in
 * the plan-only demo account schedules an apply job that records its plan, without AWS.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@UsesTestDatabase
class ProvisioningModuleTests {

    /** The demo account from config/demo-defaults.yml: plan-only. */
    private static final String PLAN_ONLY_ACCOUNT = "111122223333";

    @Autowired
    RoleRequestService requests;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void approvingARequestInAPlanOnlyAccountRecordsItsPlan() {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(
                        TestSpecs.full(PLAN_ONLY_ACCOUNT, "module-plan-reader"), "Monthly payment reports", Map.of()),
                ALICE);

        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to reports", BOB);

        // The apply job records the plan on a scheduler thread: wait for the request to show it.
        RoleRequestView view = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> requests.get(filed.id(), ALICE),
                        planned -> planned.applySteps().size() == 5);
        assertThat(view.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(view.planOnly()).isTrue();
        assertThat(view.applySteps())
                .extracting(RoleRequestView.ApplyStepView::status)
                .containsOnly(ApplyStepStatus.PLANNED);
    }

    @Test
    void anApprovalRolledBackLeavesNoJobAndACommittedOneLeavesItsJob() {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(
                        TestSpecs.full(PLAN_ONLY_ACCOUNT, "module-rolled-back"), "Monthly payment reports", Map.of()),
                ALICE);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        jobs.stop();
        try {
            transaction.executeWithoutResult(status -> {
                requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to reports", BOB);
                assertThat(jobRows(filed)).isEqualTo(1);
                status.setRollbackOnly();
            });
            assertThat(jobRows(filed)).isZero();
            assertThat(requests.get(filed.id(), ALICE).status()).isEqualTo(RoleRequestStatus.IN_REVIEW);

            requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to reports", BOB);
            assertThat(jobRows(filed)).isEqualTo(1);
        } finally {
            jobs.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jobRows(filed) == 0);
        assertThat(requests.get(filed.id(), ALICE).applySteps()).hasSize(5);
    }

    private int jobRows(RoleRequestView request) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                Integer.class,
                JobsConfiguration.APPLY_TASK,
                request.id().value().toString());
    }
}
