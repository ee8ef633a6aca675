package dev.rolecall.provisioning;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * An approval, once committed, reaches AWS (a moto server) or, in a plan-only account, only
 * records its plan: the whole provisioning module in the running application.
 */
@RolecallIntegrationTest
@UsesMoto
class ProvisioningIntegrationTests {

    private static final String PLAN_ONLY_ACCOUNT = "111122223333";
    private static final String APPLY_ACCOUNT = "444455556666";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final IamClient reader = MotoServer.shared().iamClient();

    @Autowired
    RoleRequestService requests;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A list in configuration replaces the whole list, so the demo account is restated. */
    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("rolecall.accounts[0].id", () -> PLAN_ONLY_ACCOUNT);
        registry.add("rolecall.accounts[0].name", () -> "demo-sandbox");
        registry.add("rolecall.accounts[0].mode", () -> "PLAN_ONLY");
        registry.add("rolecall.accounts[1].id", () -> APPLY_ACCOUNT);
        registry.add("rolecall.accounts[1].name", () -> "payments-dev");
        registry.add("rolecall.accounts[1].environment", () -> "dev");
        registry.add("rolecall.accounts[1].region", () -> "us-east-1");
        registry.add(
                "rolecall.accounts[1].endpoint",
                () -> MotoServer.shared().endpoint().toString());
        registry.add("rolecall.accounts[1].mode", () -> "APPLY");
        registry.add("rolecall.provisioning.max-attempts", () -> "2");
    }

    @AfterEach
    void closeReader() {
        reader.close();
    }

    @Test
    void anApprovalInAnApplyingAccountCreatesTheRoleAndEndsApplied() {
        RoleRequestView filed = fileAndApprove(TestSpecs.full(APPLY_ACCOUNT, "payments-reader"));

        RoleRequestView applied = awaitStatus(filed, RoleRequestStatus.APPLIED);

        assertThat(applied.planOnly()).isFalse();
        assertThat(applied.applySteps())
                .extracting(RoleRequestView.ApplyStepView::call)
                .containsExactly(
                        "CreateRole", "PutRolePolicy", "PutRolePolicy", "AttachRolePolicy", "AttachRolePolicy");
        assertThat(applied.applySteps())
                .extracting(RoleRequestView.ApplyStepView::status)
                .containsOnly(ApplyStepStatus.SUCCEEDED);
        software.amazon.awssdk.services.iam.model.Role role =
                reader.getRole(request -> request.roleName("payments-reader")).role();
        assertThat(applied.roleArn()).isEqualTo(role.arn());
        assertThat(role.tags())
                .contains(
                        Tag.builder().key("managed-by").value("rolecall").build(),
                        Tag.builder()
                                .key("rolecall:request-id")
                                .value(filed.id().toString())
                                .build());
    }

    @Test
    void anApprovalInAPlanOnlyAccountRecordsThePlanAndSendsNothing() {
        RoleRequestView filed = fileAndApprove(TestSpecs.full(PLAN_ONLY_ACCOUNT, "payments-reader"));

        RoleRequestView planned = await().atMost(PATIENCE)
                .until(
                        () -> requests.get(filed.id(), ALICE),
                        view -> view.applySteps().size() == 5);

        assertThat(planned.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(planned.planOnly()).isTrue();
        assertThat(planned.roleArn()).isNull();
        assertThat(planned.applySteps())
                .extracting(RoleRequestView.ApplyStepView::status)
                .containsOnly(ApplyStepStatus.PLANNED);
        assertThat(planned.applySteps().get(0).parametersJson())
                .contains("\"RoleName\":\"payments-reader\"", "\"managed-by\"");
        assertThat(reader.listRoles().roles()).isEmpty();
    }

    @Test
    void aCallAwsRefusesFailsTheRequestWithTheAwsError() {
        // Taken after the request was filed (filing refuses a name that is taken already).
        RoleRequestView filed = fileAndApprove(
                TestSpecs.full(APPLY_ACCOUNT, "payments-reader"),
                () -> reader.createRole(
                        request -> request.roleName("payments-reader").assumeRolePolicyDocument(TestSpecs.TRUST)));

        RoleRequestView failed = awaitStatus(filed, RoleRequestStatus.FAILED);

        assertThat(failed.failureCode()).isEqualTo("EntityAlreadyExists");
        assertThat(failed.failureMessage()).contains("payments-reader");
        assertThat(failed.applySteps()).singleElement().satisfies(step -> {
            assertThat(step.call()).isEqualTo("CreateRole");
            assertThat(step.status()).isEqualTo(ApplyStepStatus.FAILED);
            assertThat(step.errorCode()).isEqualTo("EntityAlreadyExists");
        });
    }

    @Test
    void aRetryAfterTheCauseIsFixedResumesFromTheFailedStep() {
        // The customer managed policy does not exist yet: AttachRolePolicy fails after CreateRole succeeded.
        // (moto keeps everything in its default account, whichever account Rolecall applies to.)
        String policyArn = "arn:aws:iam::123456789012:policy/payments-reports";
        RoleSpec base = TestSpecs.full(APPLY_ACCOUNT, "payments-reader");
        RoleSpec spec = new RoleSpec(
                base.accountId(),
                base.roleName(),
                base.path(),
                base.description(),
                base.trustPolicy(),
                List.of(policyArn),
                base.inlinePolicies(),
                base.permissionsBoundaryArn(),
                base.maxSessionDurationSeconds(),
                base.tags(),
                base.expiresAt());
        RoleRequestView filed = fileAndApprove(spec);
        RoleRequestView failed = awaitStatus(filed, RoleRequestStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("NoSuchEntity");

        assertThatThrownBy(() -> requests.retry(filed.id(), null, CAROL)).isInstanceOf(ActionNotAllowedException.class);

        reader.createPolicy(request -> request.policyName("payments-reports")
                .policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                                + "\"Resource\":\"arn:aws:s3:::reports/*\"}]}"));
        requests.retry(filed.id(), null, ALICE);
        RoleRequestView applied = awaitStatus(filed, RoleRequestStatus.APPLIED);

        assertThat(applied.applySteps())
                .extracting(step -> step.call() + " " + step.status())
                .containsExactly(
                        "CreateRole SUCCEEDED",
                        "PutRolePolicy SUCCEEDED",
                        "PutRolePolicy SUCCEEDED",
                        "AttachRolePolicy FAILED",
                        "AttachRolePolicy SUCCEEDED");
        assertThat(applied.roleArn())
                .isEqualTo(reader.getRole(r -> r.roleName("payments-reader"))
                        .role()
                        .arn());
        assertThat(reader.listAttachedRolePolicies(r -> r.roleName("payments-reader"))
                        .attachedPolicies())
                .extracting(software.amazon.awssdk.services.iam.model.AttachedPolicy::policyArn)
                .containsExactly(policyArn);
    }

    @Test
    void aFailedApplyRolledBackRemovesWhatItCreatedInOrderAndEndsRolledBack() {
        // The customer managed policy does not exist: AttachRolePolicy fails after CreateRole and both inline policies.
        RoleSpec base = TestSpecs.full(APPLY_ACCOUNT, "payments-undone");
        RoleSpec spec = new RoleSpec(
                base.accountId(),
                base.roleName(),
                base.path(),
                base.description(),
                base.trustPolicy(),
                List.of("arn:aws:iam::123456789012:policy/missing"),
                base.inlinePolicies(),
                base.permissionsBoundaryArn(),
                base.maxSessionDurationSeconds(),
                base.tags(),
                base.expiresAt());
        RoleRequestView filed = fileAndApprove(spec);
        awaitStatus(filed, RoleRequestStatus.FAILED);
        reader.createRole(request -> request.roleName("someone-elses").assumeRolePolicyDocument(TestSpecs.TRUST));

        assertThatThrownBy(() -> requests.rollBack(filed.id(), null, CAROL))
                .isInstanceOf(ActionNotAllowedException.class);
        RoleRequestView rollingBack = requests.rollBack(filed.id(), null, BOB);
        assertThat(rollingBack.status()).isIn(RoleRequestStatus.ROLLING_BACK, RoleRequestStatus.ROLLED_BACK);
        RoleRequestView rolledBack = awaitStatus(filed, RoleRequestStatus.ROLLED_BACK);

        assertThat(rolledBack.applySteps())
                .extracting(step -> step.call() + " " + step.status())
                .containsExactly(
                        "CreateRole SUCCEEDED",
                        "PutRolePolicy SUCCEEDED",
                        "PutRolePolicy SUCCEEDED",
                        "AttachRolePolicy FAILED",
                        "DeleteRolePolicy SUCCEEDED",
                        "DeleteRolePolicy SUCCEEDED",
                        "DeleteRole SUCCEEDED");
        // Inline policies go newest first, and only this request's role goes.
        assertThat(rolledBack.applySteps().get(4).parametersJson()).contains("send-payments");
        assertThat(rolledBack.applySteps().get(5).parametersJson()).contains("read-reports");
        assertThat(reader.listRoles().roles())
                .extracting(software.amazon.awssdk.services.iam.model.Role::roleName)
                .containsExactly("someone-elses");
        assertThat(rolledBack.roleArn()).isNull();
        assertThatThrownBy(() -> requests.retry(filed.id(), null, ALICE))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_event WHERE request_id = ? AND action LIKE 'rollback.%' ORDER BY event_id",
                        String.class, filed.id().value()))
                .containsExactly("rollback.started", "rollback.completed");
    }

    @Test
    void aRollbackNeverTouchesARoleThatIsNotThisRequests() {
        RoleRequestView filed = fileAndApprove(
                TestSpecs.full(APPLY_ACCOUNT, "payments-reader"),
                () -> reader.createRole(request -> request.roleName("payments-reader")
                        .assumeRolePolicyDocument(TestSpecs.TRUST)
                        .tags(software.amazon.awssdk.services.iam.model.Tag.builder()
                                .key("rolecall:request-id")
                                .value("someone-else")
                                .build())));
        RoleRequestView failed = awaitStatus(filed, RoleRequestStatus.FAILED);

        assertThat(failed.failureMessage())
                .containsIgnoringCase("a role with this name already exists and is not managed by this request");
        // Nothing this request made succeeded, so there is nothing of its own to roll back.
        assertThatThrownBy(() -> requests.rollBack(filed.id(), null, ALICE))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(reader.getRole(r -> r.roleName("payments-reader")).role().roleName())
                .isEqualTo("payments-reader");
    }

    private RoleRequestView fileAndApprove(RoleSpec spec) {
        return fileAndApprove(spec, () -> {});
    }

    /** Files the request, then does something in AWS, then approves. */
    private RoleRequestView fileAndApprove(RoleSpec spec, Runnable beforeApproval) {
        RoleRequestView filed =
                requests.submit(new SubmitRoleRequest(spec, "Monthly payment reports", Map.of()), ALICE);
        beforeApproval.run();
        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to the reports bucket", BOB);
        return filed;
    }

    private RoleRequestView awaitStatus(RoleRequestView filed, RoleRequestStatus status) {
        return await().atMost(PATIENCE).until(() -> requests.get(filed.id(), ALICE), view -> view.status() == status);
    }
}
