package dev.rolecall.request;

import static dev.rolecall.test.TestUsers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Apply steps recorded by one statement on real PostgreSQL: only while the request applies or rolls
 * back, in order, without a commit flushed to disk, and named by the outcome's audit event instead
 * of an audit row each.
 */
@RolecallIntegrationTest
class ApplyStepLogTests {

    private static final ApplyStepRecord CREATE = new ApplyStepRecord(
            "CreateRole", Map.of("RoleName", "steps-role"), ApplyStepStatus.SUCCEEDED, null, null, 1);
    private static final ApplyStepRecord PUT_THROTTLED = new ApplyStepRecord(
            "PutRolePolicy", Map.of("PolicyName", "read"), ApplyStepStatus.SUCCEEDED, null, null, 3);

    @Autowired
    RoleRequestService requests;

    @Autowired
    RoleRequestApplyService apply;

    @Autowired
    ApplyStepLog log;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    private RoleRequestId filed(String roleName) {
        return requests.submit(new SubmitRoleRequest(RoleSpecs.valid(roleName), "Steps", Map.of()), ALICE)
                .id();
    }

    private void setStatus(RoleRequestId id, RoleRequestStatus status) {
        JdbcClient.create(dataSource)
                .sql("UPDATE role_request SET status = ? WHERE id = ?")
                .params(status.name(), id.value())
                .update();
    }

    private List<String> auditActions(RoleRequestId id) {
        return JdbcClient.create(dataSource)
                .sql("SELECT action FROM audit_event WHERE request_id = ? ORDER BY event_id")
                .param(id.value())
                .query(String.class)
                .list();
    }

    @Test
    void stepsAreRecordedInOrderAndTheOutcomeNamesThemInTheAuditTrail() {
        RoleRequestId id = filed("steps-" + UUID.randomUUID().toString().substring(0, 8));
        setStatus(id, RoleRequestStatus.APPLYING);

        apply.recordApplyStep(id, CREATE);
        apply.recordApplyStep(id, PUT_THROTTLED);
        apply.markApplied(id, "arn:aws:iam::111122223333:role/steps-role");

        RoleRequestView view = requests.get(id, ALICE);
        assertThat(view.applySteps())
                .extracting(
                        RoleRequestView.ApplyStepView::position,
                        RoleRequestView.ApplyStepView::call,
                        RoleRequestView.ApplyStepView::attempts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "CreateRole", 1),
                        org.assertj.core.groups.Tuple.tuple(2, "PutRolePolicy", 3));
        assertThat(apply.succeededSteps(id))
                .extracting(ApplyStepRecord::call)
                .containsExactly("CreateRole", "PutRolePolicy");
        assertThat(auditActions(id)).doesNotContain("apply.step").endsWith("apply.applied");
        String details = JdbcClient.create(dataSource)
                .sql("SELECT details FROM audit_event WHERE request_id = ? AND action = 'apply.applied'")
                .param(id.value())
                .query(String.class)
                .single();
        assertThat(details)
                .contains("\"call\":\"CreateRole\"", "\"call\":\"PutRolePolicy\"", "\"attempts\":3", "steps-role");
    }

    @Test
    void aStepIsRefusedUnlessTheRequestAppliesOrRollsBackAndNothingIsWritten() {
        RoleRequestId id = filed("steps-" + UUID.randomUUID().toString().substring(0, 8));
        RoleRequestStatus before = apply.status(id);

        assertThatThrownBy(() -> apply.recordApplyStep(id, CREATE))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.from()).isEqualTo(before));
        assertThat(requests.get(id, ALICE).applySteps()).isEmpty();

        setStatus(id, RoleRequestStatus.ROLLING_BACK);
        apply.recordApplyStep(id, CREATE);
        assertThat(requests.get(id, ALICE).applySteps()).hasSize(1);
    }

    @Test
    void theStepsTransactionCommitsWithoutWaitingForTheDisk() {
        RoleRequestId id = filed("steps-" + UUID.randomUUID().toString().substring(0, 8));
        setStatus(id, RoleRequestStatus.APPLYING);
        JdbcClient jdbc = JdbcClient.create(dataSource);

        String inside = new TransactionTemplate(transactions).execute(status -> {
            // The test database runs with synchronous_commit off for speed: start from a durable commit.
            jdbc.sql("SET LOCAL synchronous_commit = on").update();
            assertThat(log.append(id, CREATE, "{}", Instant.now())).isTrue();
            return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
        });

        assertThat(inside).isEqualTo("off");
    }
}
