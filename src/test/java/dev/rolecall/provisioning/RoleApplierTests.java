package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.RoleRequestApplyService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRequestRef;
import dev.rolecall.request.problems.IllegalTransitionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class RoleApplierTests {

    private static final String ACCOUNT = "444455556666";
    private static final RoleRequestId ID = new RoleRequestId(UUID.randomUUID());
    private static final RoleRequestApproved APPROVED = new RoleRequestApproved(
            new RoleRequestRef(ID, ACCOUNT, "payments-reader"), "bob", Instant.parse("2025-01-01T00:00:00Z"), 1);

    private final AccountRegistry accounts = mock(AccountRegistry.class);
    private final RoleRequestApplyService requests = mock(RoleRequestApplyService.class);
    private final FakeIamGateway gateway = new FakeIamGateway();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RoleApplier applier = new RoleApplier(
            accounts,
            requests,
            new ChangePlanner(),
            gateway,
            new ApplyHalt(new JobsProperties(
                    1,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    4,
                    Duration.ofSeconds(1),
                    0,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(5),
                    null)),
            new ProvisioningMetrics(meters),
            new ChangeApplier(
                    accounts,
                    requests,
                    gateway,
                    new ApplyHalt(new JobsProperties(
                            1,
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(1),
                            4,
                            Duration.ofSeconds(1),
                            0,
                            Duration.ofMinutes(1),
                            Duration.ofMinutes(5),
                            null)),
                    new ProvisioningMetrics(meters),
                    mock(LiveChangePlanning.class)),
            new ApplyStepRecords(requests));

    @BeforeEach
    void approvedSpec() {
        when(requests.approvedSpec(ID)).thenReturn(TestSpecs.full(ACCOUNT, "payments-reader"));
        when(requests.status(ID)).thenReturn(RoleRequestStatus.APPROVED);
    }

    @Test
    void planOnlyRecordsEveryCallAsPlannedAndSendsNothing() {
        account(ApplyMode.PLAN_ONLY);

        applier.apply(ID);

        List<ApplyStepRecord> plan = capturePlan();
        assertThat(plan)
                .extracting(ApplyStepRecord::call)
                .containsExactly(
                        "CreateRole", "PutRolePolicy", "PutRolePolicy", "AttachRolePolicy", "AttachRolePolicy");
        assertThat(plan).extracting(ApplyStepRecord::status).containsOnly(ApplyStepStatus.PLANNED);
        assertThat(plan.get(0).parameters()).containsEntry("RoleName", "payments-reader");
        assertThat(gateway.opened).isEmpty();
        verify(requests, never()).startApply(any());
        verify(requests, never()).markApplied(any(), anyString());
    }

    @Test
    void applyMakesEachCallInOrderRecordsItAndEndsAppliedWithTheRoleArn() {
        account(ApplyMode.APPLY);

        applier.apply(ID);

        assertThat(gateway.opened).containsExactly(ACCOUNT + " " + ID);
        assertThat(gateway.calls)
                .containsExactly(
                        "CreateRole payments-reader",
                        "PutRolePolicy read-reports",
                        "PutRolePolicy send-payments",
                        "AttachRolePolicy " + TestSpecs.READ_ONLY,
                        "AttachRolePolicy " + TestSpecs.CLOUDWATCH_READ_ONLY);
        assertThat(gateway.closed).isEqualTo(1);
        InOrder order = inOrder(requests);
        order.verify(requests).startApply(ID);
        List<ApplyStepRecord> steps = captureSteps(order, 5);
        assertThat(steps).extracting(ApplyStepRecord::status).containsOnly(ApplyStepStatus.SUCCEEDED);
        assertThat(steps)
                .extracting(ApplyStepRecord::call)
                .containsExactly(
                        "CreateRole", "PutRolePolicy", "PutRolePolicy", "AttachRolePolicy", "AttachRolePolicy");
        order.verify(requests).markApplied(ID, "arn:aws:iam::" + ACCOUNT + ":role/payments/payments-reader");
        verify(requests, never()).markFailed(any(), anyString(), anyString());
        verify(requests, never()).recordPlan(any(), anyList());
        assertThat(meters.counter("rolecall.applies", "account", ACCOUNT, "outcome", "applied")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRefusedSecondCallIsRecordedWithTheAwsErrorAndFailsTheRequest() {
        account(ApplyMode.APPLY);
        gateway.failCall(
                2,
                new IamCallFailedException(
                        "MalformedPolicyDocument",
                        "Policy document should not specify a principal.",
                        new RuntimeException()));

        applier.apply(ID);

        assertThat(gateway.calls).containsExactly("CreateRole payments-reader", "PutRolePolicy read-reports");
        InOrder order = inOrder(requests);
        order.verify(requests).startApply(ID);
        List<ApplyStepRecord> steps = captureSteps(order, 2);
        assertThat(steps.get(0).status()).isEqualTo(ApplyStepStatus.SUCCEEDED);
        assertThat(steps.get(1)).satisfies(failed -> {
            assertThat(failed.call()).isEqualTo("PutRolePolicy");
            assertThat(failed.status()).isEqualTo(ApplyStepStatus.FAILED);
            assertThat(failed.errorCode()).isEqualTo("MalformedPolicyDocument");
            assertThat(failed.errorMessage()).isEqualTo("Policy document should not specify a principal.");
        });
        order.verify(requests)
                .markFailed(
                        ID,
                        "MalformedPolicyDocument",
                        "PutRolePolicy failed: Policy document should not specify a principal.");
        verify(requests, never()).markApplied(any(), anyString());
        assertThat(gateway.closed).isEqualTo(1);
    }

    @Test
    void aRetryMakesOnlyTheCallsThatHaveNotSucceededAndReadsTheRoleArn() {
        account(ApplyMode.APPLY);
        when(requests.status(ID)).thenReturn(RoleRequestStatus.APPLYING);
        when(requests.succeededSteps(ID))
                .thenReturn(List.of(
                        new ApplyStepRecord(
                                "CreateRole",
                                Map.of("RoleName", "payments-reader"),
                                ApplyStepStatus.SUCCEEDED,
                                null,
                                null),
                        new ApplyStepRecord(
                                "PutRolePolicy",
                                Map.of("PolicyName", "read-reports"),
                                ApplyStepStatus.SUCCEEDED,
                                null,
                                null)));

        applier.apply(ID);

        assertThat(gateway.calls)
                .containsExactly(
                        "PutRolePolicy send-payments",
                        "AttachRolePolicy " + TestSpecs.READ_ONLY,
                        "AttachRolePolicy " + TestSpecs.CLOUDWATCH_READ_ONLY,
                        "GetRole payments-reader");
        verify(requests, never()).startApply(any());
        verify(requests).markApplied(ID, "arn:aws:iam::" + ACCOUNT + ":role/existing/payments-reader");
    }

    @Test
    void aJobForARequestAlreadyAppliedOrFailedDoesNothing() {
        account(ApplyMode.APPLY);
        when(requests.status(ID)).thenReturn(RoleRequestStatus.APPLIED, RoleRequestStatus.FAILED);

        applier.apply(ID);
        applier.apply(ID);

        assertThat(gateway.opened).isEmpty();
        verify(requests, never()).startApply(any());
        verify(requests, never()).markApplied(any(), anyString());
        verify(requests, never()).markFailed(any(), anyString(), anyString());
    }

    @Test
    void createRoleFindingTheRoleWithThisRequestsTagCountsAsDoneAndGoesOn() {
        account(ApplyMode.APPLY);
        gateway.existing(
                "payments-reader", "arn:aws:iam::" + ACCOUNT + ":role/payments/payments-reader", ID.toString());
        gateway.failCall(
                1,
                new IamCallFailedException(
                        "EntityAlreadyExists",
                        "Role with name payments-reader already exists.",
                        new RuntimeException()));

        applier.apply(ID);

        assertThat(gateway.calls)
                .startsWith("CreateRole payments-reader", "GetRole payments-reader")
                .hasSize(6);
        List<ApplyStepRecord> steps = captureSteps(inOrder(requests), 5);
        assertThat(steps).extracting(ApplyStepRecord::status).containsOnly(ApplyStepStatus.SUCCEEDED);
        verify(requests).markApplied(ID, "arn:aws:iam::" + ACCOUNT + ":role/payments/payments-reader");
    }

    @Test
    void createRoleFindingSomeoneElsesRoleFailsAndNeverAdoptsIt() {
        account(ApplyMode.APPLY);
        gateway.existing("payments-reader", "arn:aws:iam::" + ACCOUNT + ":role/payments-reader", "another-request");
        gateway.failCall(
                1,
                new IamCallFailedException(
                        "EntityAlreadyExists",
                        "Role with name payments-reader already exists.",
                        new RuntimeException()));

        applier.apply(ID);

        assertThat(gateway.calls).containsExactly("CreateRole payments-reader", "GetRole payments-reader");
        List<ApplyStepRecord> steps = captureSteps(inOrder(requests), 1);
        assertThat(steps.get(0).status()).isEqualTo(ApplyStepStatus.FAILED);
        assertThat(steps.get(0).errorMessage()).startsWith(RoleApplier.NOT_OURS);
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(requests).markFailed(eq(ID), eq("EntityAlreadyExists"), message.capture());
        assertThat(message.getValue()).contains("CreateRole", RoleApplier.NOT_OURS, "another-request");
        verify(requests, never()).markApplied(any(), anyString());
    }

    @Test
    void anUnreachableEndpointFailsTheRequestWithClientError() {
        account(ApplyMode.APPLY);
        gateway.failCall(
                1,
                new IamCallFailedException(
                        IamCallFailedException.CLIENT_ERROR,
                        "Unable to execute HTTP request: Connection refused",
                        new RuntimeException()));

        applier.apply(ID);

        List<ApplyStepRecord> steps = captureSteps(inOrder(requests), 1);
        assertThat(steps.get(0).errorCode()).isEqualTo("ClientError");
        verify(requests)
                .markFailed(ID, "ClientError", "CreateRole failed: Unable to execute HTTP request: Connection refused");
    }

    @Test
    void anUnexpectedErrorInACallFailsTheRequestWithoutLeakingItsText() {
        account(ApplyMode.APPLY);
        gateway.failCall(3, new IllegalStateException("secret internal detail"));

        applier.apply(ID);

        List<ApplyStepRecord> steps = captureSteps(inOrder(requests), 3);
        assertThat(steps.get(2).errorCode()).isEqualTo(RoleApplier.INTERNAL_ERROR);
        assertThat(steps.get(2).errorMessage()).doesNotContain("secret");
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(requests).markFailed(eq(ID), eq(RoleApplier.INTERNAL_ERROR), message.capture());
        assertThat(message.getValue()).doesNotContain("secret").contains("application log");
    }

    @Test
    void anErrorBeforeTheFirstCallStillEndsInFailedRatherThanApplying() {
        account(ApplyMode.APPLY);
        gateway.failOpen(new IllegalArgumentException("bad endpoint"));

        applier.apply(ID);

        verify(requests).startApply(ID);
        verify(requests, never()).recordApplyStep(any(), any());
        verify(requests).markFailed(eq(ID), eq(RoleApplier.INTERNAL_ERROR), anyString());
    }

    @Test
    void anAccountNoLongerConfiguredFailsTheRequestWithoutCallingAws() {
        when(accounts.find(ACCOUNT)).thenReturn(Optional.empty());

        applier.apply(ID);

        InOrder order = inOrder(requests);
        order.verify(requests).startApply(ID);
        order.verify(requests).markFailed(eq(ID), eq(RoleApplier.ACCOUNT_NOT_CONFIGURED), anyString());
        assertThat(gateway.opened).isEmpty();
    }

    @Test
    void aRedeliveredApprovalOfARequestAlreadyPastApprovedDoesNothing() {
        account(ApplyMode.APPLY);
        doThrow(new IllegalTransitionException(RoleRequestStatus.APPLIED, "apply"))
                .when(requests)
                .startApply(ID);

        applier.apply(ID);

        assertThat(gateway.opened).isEmpty();
        verify(requests, never()).recordApplyStep(any(), any());
        verify(requests, never()).markFailed(any(), anyString(), anyString());
    }

    @Test
    void aRedeliveredApprovalOfAnAlreadyPlannedRequestDoesNothing() {
        account(ApplyMode.PLAN_ONLY);
        doThrow(new IllegalTransitionException(RoleRequestStatus.APPROVED, "record a plan for"))
                .when(requests)
                .recordPlan(eq(ID), anyList());

        applier.apply(ID);

        verify(requests, times(1)).recordPlan(eq(ID), anyList());
        verify(requests, never()).startApply(any());
    }

    private void account(ApplyMode mode) {
        when(accounts.find(ACCOUNT))
                .thenReturn(Optional.of(
                        new TargetAccount(ACCOUNT, "payments-dev", "dev", "us-east-1", null, null, null, mode)));
    }

    @SuppressWarnings("unchecked")
    private List<ApplyStepRecord> capturePlan() {
        ArgumentCaptor<List<ApplyStepRecord>> plan = ArgumentCaptor.forClass(List.class);
        verify(requests).recordPlan(eq(ID), plan.capture());
        return plan.getValue();
    }

    private List<ApplyStepRecord> captureSteps(InOrder order, int count) {
        ArgumentCaptor<ApplyStepRecord> steps = ArgumentCaptor.forClass(ApplyStepRecord.class);
        order.verify(requests, times(count)).recordApplyStep(eq(ID), steps.capture());
        verify(requests, times(count)).recordApplyStep(eq(ID), any());
        return steps.getAllValues();
    }
}
