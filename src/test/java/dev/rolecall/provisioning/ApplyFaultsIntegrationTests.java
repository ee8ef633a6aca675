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
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * AWS faults at every step of an apply, injected into the SDK in front of a real moto server:
 * throttling is retried with backoff until the call succeeds, and a permanent 500 fails the request
 * after the retry budget, naming the step. No step is recorded twice and no call reaches AWS twice.
 */
@RolecallIntegrationTest
@UsesMoto
@Import(ApplyFaultsIntegrationTests.Faults.class)
class ApplyFaultsIntegrationTests {

    private static final String APPLY_ACCOUNT = "444455556666";
    private static final int MAX_ATTEMPTS = 4;

    @TestConfiguration
    static class Faults {

        @Bean
        IamFaults iamFaults() {
            return new IamFaults();
        }
    }

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("rolecall.accounts[0].id", () -> APPLY_ACCOUNT);
        registry.add("rolecall.accounts[0].name", () -> "payments-dev");
        registry.add("rolecall.accounts[0].region", () -> "us-east-1");
        registry.add(
                "rolecall.accounts[0].endpoint",
                () -> MotoServer.shared().endpoint().toString());
        registry.add("rolecall.accounts[0].mode", () -> "APPLY");
        registry.add("rolecall.provisioning.max-attempts", () -> String.valueOf(MAX_ATTEMPTS));
        registry.add("rolecall.provisioning.retry-base-delay", () -> "5ms");
        registry.add("rolecall.provisioning.retry-max-delay", () -> "50ms");
    }

    @Autowired
    RoleRequestService requests;

    @Autowired
    IamFaults faults;

    @Autowired
    io.micrometer.prometheusmetrics.PrometheusMeterRegistry prometheus;

    private final IamClient reader = MotoServer.shared().iamClient();

    @AfterEach
    void clearFaults() {
        faults.clear();
        reader.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CreateRole", "PutRolePolicy", "AttachRolePolicy"})
    void throttledTwiceThenAcceptedEndsAppliedWithTheRetriesRecorded(String step) {
        faults.fail(step, IamFaults.Fault.THROTTLING, 2);

        RoleRequestView applied =
                awaitStatus(fileAndApprove("throttled-" + step.toLowerCase()), RoleRequestStatus.APPLIED);

        assertThat(applied.applySteps())
                .extracting(s -> s.call() + " " + s.status() + " " + s.attempts())
                .containsExactly(
                        "CreateRole SUCCEEDED " + (step.equals("CreateRole") ? 3 : 1),
                        "PutRolePolicy SUCCEEDED " + (step.equals("PutRolePolicy") ? 3 : 1),
                        "PutRolePolicy SUCCEEDED 1",
                        "AttachRolePolicy SUCCEEDED " + (step.equals("AttachRolePolicy") ? 3 : 1),
                        "AttachRolePolicy SUCCEEDED 1");
        // Faulted attempts never left the JVM; each call was accepted once.
        assertThat(faults.accepted("CreateRole")).isEqualTo(1);
        assertThat(faults.accepted("PutRolePolicy")).isEqualTo(2);
        assertThat(faults.accepted("AttachRolePolicy")).isEqualTo(2);
        String roleName = "throttled-" + step.toLowerCase();
        assertThat(reader.listRolePolicies(r -> r.roleName(roleName)).policyNames())
                .hasSize(2);
        assertThat(reader.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies())
                .hasSize(2);
        assertThat(prometheus.scrape())
                .contains(
                        "rolecall_applies_total{account=\"444455556666\",outcome=\"applied\"}",
                        "rolecall_iam_retries_total{account=\"444455556666\",action=\"" + step + "\"}",
                        "rolecall_iam_calls_seconds_count{account=\"444455556666\",action=\"" + step
                                + "\",outcome=\"succeeded\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CreateRole", "PutRolePolicy", "AttachRolePolicy"})
    void aPermanent500FailsTheRequestAfterTheRetryBudgetNamingTheStep(String step) {
        faults.failAlways(step, IamFaults.Fault.SERVER_ERROR);

        RoleRequestView failed = awaitStatus(fileAndApprove("broken-" + step.toLowerCase()), RoleRequestStatus.FAILED);

        assertThat(failed.failureCode()).isEqualTo("ServiceFailure");
        assertThat(failed.failureMessage()).startsWith(step + " failed: ");
        RoleRequestView.ApplyStepView last =
                failed.applySteps().get(failed.applySteps().size() - 1);
        assertThat(last.call()).isEqualTo(step);
        assertThat(last.status()).isEqualTo(ApplyStepStatus.FAILED);
        assertThat(last.errorCode()).isEqualTo("ServiceFailure");
        assertThat(last.attempts()).isEqualTo(MAX_ATTEMPTS);
        // The steps before the failed one succeeded once each; nothing after it was tried.
        assertThat(failed.applySteps())
                .filteredOn(s -> s.status() == ApplyStepStatus.SUCCEEDED)
                .allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
        assertThat(failed.applySteps())
                .filteredOn(s -> s.status() == ApplyStepStatus.FAILED)
                .hasSize(1);
        assertThat(faults.transmitted(step)).isZero();
        assertThat(faults.accepted(step)).isZero();
    }

    private RoleRequestView fileAndApprove(String roleName) {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(TestSpecs.full(APPLY_ACCOUNT, roleName), "Monthly payment reports", Map.of()),
                ALICE);
        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to the reports bucket", BOB);
        return filed;
    }

    private RoleRequestView awaitStatus(RoleRequestView filed, RoleRequestStatus status) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> requests.get(filed.id(), ALICE), view -> view.status() == status);
    }
}
