package dev.rolecall.provisioning;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;

import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.change.PlannedCall;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.problems.StaleRequestException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import tools.jackson.databind.JsonNode;

/**
 * CHANGE and DELETE requests against a real IAM emulator: planned against the live role when
 * filed, applied with exactly the planned calls, refused when the role changed since approval.
 */
@RolecallIntegrationTest
@UsesMoto
class ChangeRequestsIntegrationTests {

    private static final String PLAN_ONLY_ACCOUNT = "111122223333";
    private static final String ACCOUNT = "444455556666";
    private static final String QUOTA_ACCOUNT = "777788889999";
    private static final String ROLE = "payments-reader";
    private static final String S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    private static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final IamClient direct = MotoServer.shared().iamClient();

    @Autowired
    RoleRequestService requests;

    /** The real reader, watched: the tests below ask whether a transaction is open while it reads AWS. */
    @MockitoSpyBean
    LiveRoles liveRoles;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("rolecall.accounts[0].id", () -> PLAN_ONLY_ACCOUNT);
        registry.add("rolecall.accounts[0].name", () -> "demo-sandbox");
        registry.add("rolecall.accounts[0].mode", () -> "PLAN_ONLY");
        registry.add("rolecall.accounts[1].id", () -> ACCOUNT);
        registry.add("rolecall.accounts[1].name", () -> "payments-dev");
        registry.add("rolecall.accounts[1].environment", () -> "dev");
        registry.add("rolecall.accounts[1].region", () -> "us-east-1");
        registry.add(
                "rolecall.accounts[1].endpoint",
                () -> MotoServer.shared().endpoint().toString());
        registry.add("rolecall.accounts[1].mode", () -> "APPLY");
        registry.add("rolecall.accounts[2].id", () -> QUOTA_ACCOUNT);
        registry.add("rolecall.accounts[2].name", () -> "payments-quota");
        registry.add(
                "rolecall.accounts[2].endpoint",
                () -> MotoServer.shared().endpoint().toString());
        registry.add("rolecall.accounts[2].mode", () -> "APPLY");
        registry.add("rolecall.accounts[2].managed-policies-per-role", () -> "2");
        registry.add("rolecall.provisioning.max-attempts", () -> "2");
    }

    @AfterEach
    void closeClient() {
        direct.close();
    }

    @Test
    void aChangeMakesEachKindOfCallOnceAndTheRoleEndsAsRequested() {
        createManagedRole();
        RoleSpec desired = everythingChanged();

        RoleRequestView filed = file(RequestKind.CHANGE, desired);

        assertThat(filed.kind()).isEqualTo(RequestKind.CHANGE);
        List<String> planned = Objects.requireNonNull(filed.changePlan()).calls().stream()
                .map(PlannedCall::call)
                .toList();
        assertThat(planned)
                .containsExactly(
                        "UpdateAssumeRolePolicy",
                        "UpdateRole",
                        "PutRolePermissionsBoundary",
                        "PutRolePolicy",
                        "AttachRolePolicy",
                        "DetachRolePolicy",
                        "DeleteRolePolicy",
                        "TagRole",
                        "UntagRole");
        RoleRequestView applied = approveAndAwait(filed, RoleRequestStatus.APPLIED);

        assertThat(applied.applySteps())
                .extracting(RoleRequestView.ApplyStepView::call)
                .containsExactlyElementsOf(planned);
        RoleSpec now = liveRoles.read(ACCOUNT, ROLE).orElseThrow().spec();
        assertThat(now.trustPolicy()).isEqualTo(desired.trustPolicy());
        assertThat(now.description()).isEqualTo(desired.description());
        assertThat(now.maxSessionDurationSeconds()).isEqualTo(desired.maxSessionDurationSeconds());
        assertThat(now.permissionsBoundaryArn()).isEqualTo(desired.permissionsBoundaryArn());
        assertThat(now.inlinePolicies()).isEqualTo(desired.inlinePolicies());
        assertThat(now.managedPolicyArns()).containsExactlyInAnyOrderElementsOf(desired.managedPolicyArns());
        assertThat(now.tags()).isEqualTo(desired.tags());
        assertThat(auditedKindOfApplied(filed)).singleElement().asString().contains("\"kind\":\"CHANGE\"");
    }

    @Test
    void anUnchangedFieldCallsNothing() {
        createManagedRole();
        RoleSpec live = liveRoles.read(ACCOUNT, ROLE).orElseThrow().spec();
        RoleSpec withoutBoundary = new RoleSpec(
                ACCOUNT,
                ROLE,
                live.path(),
                live.description(),
                live.trustPolicy(),
                live.managedPolicyArns(),
                live.inlinePolicies(),
                null,
                live.maxSessionDurationSeconds(),
                live.tags(),
                null);

        RoleRequestView applied = approveAndAwait(file(RequestKind.CHANGE, withoutBoundary), RoleRequestStatus.APPLIED);

        assertThat(applied.applySteps())
                .extracting(RoleRequestView.ApplyStepView::call)
                .containsExactly("DeleteRolePermissionsBoundary");
        assertThat(direct.getRole(request -> request.roleName(ROLE)).role().permissionsBoundary())
                .isNull();
    }

    @Test
    void atTheAccountsManagedPolicyQuotaASwapDetachesBeforeItAttaches() {
        createManagedRole(); // two managed policies: at the quota of 2 of QUOTA_ACCOUNT
        RoleSpec live = liveRoles.read(QUOTA_ACCOUNT, ROLE).orElseThrow().spec();
        String iamReadOnly = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
        RoleSpec swapped = new RoleSpec(
                QUOTA_ACCOUNT,
                ROLE,
                live.path(),
                live.description(),
                live.trustPolicy(),
                List.of(S3_READ_ONLY, iamReadOnly),
                live.inlinePolicies(),
                live.permissionsBoundaryArn(),
                live.maxSessionDurationSeconds(),
                live.tags(),
                null);

        RoleRequestView applied = approveAndAwait(file(RequestKind.CHANGE, swapped), RoleRequestStatus.APPLIED);

        assertThat(applied.applySteps())
                .extracting(RoleRequestView.ApplyStepView::call)
                .containsExactly("DetachRolePolicy", "DetachRolePolicy", "AttachRolePolicy", "AttachRolePolicy");
        assertThat(liveRoles.read(QUOTA_ACCOUNT, ROLE).orElseThrow().spec().managedPolicyArns())
                .containsExactlyInAnyOrder(S3_READ_ONLY, iamReadOnly);
    }

    @Test
    void theLiveRoleIsReadWithNoDatabaseTransactionOpenWhenARequestIsPreparedFiledOrRevised() {
        createManagedRole();
        List<Boolean> readInTransaction = new CopyOnWriteArrayList<>();
        doAnswer(read -> {
                    readInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
                    return read.callRealMethod();
                })
                .when(liveRoles)
                .read(ACCOUNT, ROLE);

        requests.liveRoleToChange(ACCOUNT, ROLE, ALICE);
        RoleRequestView filed = file(RequestKind.CHANGE, everythingChanged());
        RoleRequestView revised = requests.revise(
                filed.id(),
                filed.version(),
                new SubmitRoleRequest(
                        everythingChanged(), "Reports moved to Lambda, reworded", Map.of(), RequestKind.CHANGE),
                ALICE);
        file(RequestKind.DELETE, nameOnly(ACCOUNT, ROLE));

        assertThat(revised.revision()).isEqualTo(2);
        assertThat(readInTransaction).hasSizeGreaterThanOrEqualTo(4).containsOnly(false);
    }

    @Test
    void aRevisionFiledWhileItsLiveRoleWasReadIsRefusedAsStaleAndNothingIsStored() {
        createManagedRole();
        RoleRequestView filed = file(RequestKind.CHANGE, everythingChanged());
        SubmitRoleRequest revision = new SubmitRoleRequest(
                everythingChanged(), "Reports moved to Lambda, reworded", Map.of(), RequestKind.CHANGE);
        // While the first revision reads AWS, its requester files another one from a second tab.
        doAnswer(read -> {
                    Mockito.reset(liveRoles);
                    requests.revise(filed.id(), filed.version(), revision, ALICE);
                    return read.callRealMethod();
                })
                .when(liveRoles)
                .read(ACCOUNT, ROLE);

        assertThatThrownBy(() -> requests.revise(filed.id(), filed.version(), revision, ALICE))
                .isInstanceOf(StaleRequestException.class);
        assertThat(requests.get(filed.id(), ALICE).revision()).isEqualTo(2);
    }

    @Test
    void aRoleChangedInAwsAfterFilingIsNotTouchedAndTheRequestReturnsToReviewWithANewPlan() {
        createManagedRole();
        RoleRequestView filed = file(RequestKind.CHANGE, everythingChanged());
        direct.attachRolePolicy(
                request -> request.roleName(ROLE).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));

        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to the reports bucket", BOB);
        RoleRequestView back =
                await().atMost(PATIENCE).until(() -> requests.get(filed.id(), ALICE), view -> view.revision() == 2);

        assertThat(back.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(back.applySteps()).isEmpty();
        assertThat(back.currentDecisions()).isEmpty();
        assertThat(requests.revisions(filed.id(), ALICE).get(1).submittedBy()).isEqualTo("rolecall");
        assertThat(Objects.requireNonNull(back.changePlan()).calls())
                .extracting(PlannedCall::parameters)
                .contains(Map.of("RoleName", ROLE, "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        // Nothing of the approved plan was sent: the trust policy is still the EC2 one.
        assertThat(liveRoles.read(ACCOUNT, ROLE).orElseThrow().spec().trustPolicy())
                .isEqualTo(TestSpecs.json(TestSpecs.TRUST));
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_event WHERE request_id = ? AND action = 'apply.replanned'",
                        String.class,
                        filed.id().value()))
                .hasSize(1);
    }

    @Test
    void aDeleteTakesTheRoleOutOfItsInstanceProfileEmptiesItAndDeletesIt() {
        createManagedRole();
        direct.createInstanceProfile(request -> request.instanceProfileName("payments-ec2"));
        direct.addRoleToInstanceProfile(
                request -> request.instanceProfileName("payments-ec2").roleName(ROLE));

        RoleRequestView filed = file(RequestKind.DELETE, nameOnly(ACCOUNT, ROLE));

        assertThat(filed.spec().inlinePolicies()).containsOnlyKeys("read-reports", "send-payments");
        RoleRequestView applied = approveAndAwait(filed, RoleRequestStatus.APPLIED);
        assertThat(applied.applySteps())
                .extracting(RoleRequestView.ApplyStepView::call)
                .containsExactly(
                        "RemoveRoleFromInstanceProfile",
                        "DeleteRolePolicy",
                        "DeleteRolePolicy",
                        "DetachRolePolicy",
                        "DetachRolePolicy",
                        "DeleteRole");
        assertThatThrownBy(() -> direct.getRole(request -> request.roleName(ROLE)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThat(direct.getInstanceProfile(request -> request.instanceProfileName("payments-ec2"))
                        .instanceProfile()
                        .roles())
                .isEmpty();
    }

    @Test
    void requestsThatCannotBePlannedAreRefusedOnTheFieldToFix() {
        direct.createRole(request -> request.roleName("legacy").assumeRolePolicyDocument(TestSpecs.TRUST));

        assertThat(refusal(RequestKind.CHANGE, TestSpecs.full(ACCOUNT, "nobody")))
                .isEqualTo(new FieldProblem("roleName", "No role named nobody exists in account " + ACCOUNT));
        assertThat(refusal(RequestKind.DELETE, nameOnly(ACCOUNT, "legacy")).message())
                .startsWith("Rolecall does not manage role legacy");
        assertThat(refusal(RequestKind.CREATE, TestSpecs.minimal(ACCOUNT, "legacy"))
                        .message())
                .contains("already exists");
        assertThat(refusal(RequestKind.CHANGE, TestSpecs.full(PLAN_ONLY_ACCOUNT, "legacy")))
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("accountId");
                    assertThat(problem.message()).contains("plan-only");
                });
    }

    private FieldProblem refusal(RequestKind kind, RoleSpec spec) {
        try {
            file(kind, spec);
        } catch (RoleSpecInvalidException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("the request was filed");
    }

    /** The role a CREATE request would have made: TestSpecs.full, tagged managed-by=rolecall. */
    private void createManagedRole() {
        RoleSpec spec = TestSpecs.full(ACCOUNT, ROLE);
        direct.createRole(request -> request.roleName(ROLE)
                .path(spec.path())
                .description(spec.description())
                .assumeRolePolicyDocument(TestSpecs.TRUST)
                .maxSessionDuration(spec.maxSessionDurationSeconds())
                .permissionsBoundary(spec.permissionsBoundaryArn())
                .tags(
                        tag -> tag.key("team").value("payments"),
                        tag -> tag.key("cost-center").value("cc-1234"),
                        tag -> tag.key("managed-by").value("rolecall")));
        direct.putRolePolicy(
                request -> request.roleName(ROLE).policyName("read-reports").policyDocument(TestSpecs.READ_BUCKET));
        direct.putRolePolicy(
                request -> request.roleName(ROLE).policyName("send-payments").policyDocument(TestSpecs.WRITE_QUEUE));
        spec.managedPolicyArns()
                .forEach(arn -> direct.attachRolePolicy(
                        request -> request.roleName(ROLE).policyArn(arn)));
    }

    /** Every field of TestSpecs.full changed (the path, which IAM cannot change, kept). */
    private static RoleSpec everythingChanged() {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        inline.put("read-reports", TestSpecs.json(TestSpecs.WRITE_QUEUE));
        return new RoleSpec(
                ACCOUNT,
                ROLE,
                "/payments/",
                "Reads payment reports from Lambda",
                TestSpecs.json(LAMBDA_TRUST),
                List.of(TestSpecs.READ_ONLY, S3_READ_ONLY),
                inline,
                TestSpecs.READ_ONLY,
                3600,
                Map.of("team", "payments", "owner", "ana"),
                null);
    }

    private static RoleSpec nameOnly(String account, String role) {
        return new RoleSpec(
                account,
                role,
                "/",
                null,
                TestSpecs.JSON.createObjectNode(),
                List.of(),
                Map.of(),
                null,
                RoleSpec.DEFAULT_SESSION_SECONDS,
                Map.of(),
                null);
    }

    private RoleRequestView file(RequestKind kind, RoleSpec spec) {
        return requests.submit(new SubmitRoleRequest(spec, "Reports moved to Lambda", Map.of(), kind), ALICE);
    }

    private RoleRequestView approveAndAwait(RoleRequestView filed, RoleRequestStatus status) {
        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to the reports bucket", BOB);
        return await().atMost(PATIENCE).until(() -> requests.get(filed.id(), ALICE), view -> view.status() == status);
    }

    private List<String> auditedKindOfApplied(RoleRequestView filed) {
        return jdbc.queryForList(
                "SELECT details::text FROM audit_event WHERE request_id = ? AND action = 'apply.applied'",
                String.class,
                filed.id().value());
    }
}
