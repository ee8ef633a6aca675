package dev.rolecall.provisioning;

import static dev.rolecall.provisioning.TestSpecs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.UsesMoto;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/** The live role reader against a real IAM emulator, with pages of two items so every list pages. */
@UsesMoto
class LiveRolesIntegrationTests {

    private static final String MOTO_ACCOUNT = "123456789012";
    private static final String WITH_PLUS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::reports/a+b/*"}]}""";

    private final MotoServer moto = MotoServer.shared();
    private final IamClient direct = moto.iamClient();
    private final IamGateway gateway = new IamGateway(new ProvisioningProperties(
                    2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30), 100))
            .readPageSize(2);
    private final RoleRequestId requestId = new RoleRequestId(UUID.randomUUID());

    @AfterEach
    void closeClients() {
        gateway.close();
        direct.close();
    }

    @Test
    void readsEveryPartOfTheRoleAcrossPages() {
        RoleSpec created = TestSpecs.full(MOTO_ACCOUNT, "payments-reader");
        create(created);
        direct.putRolePolicy(request ->
                request.roleName("payments-reader").policyName("plus-sign").policyDocument(WITH_PLUS));
        direct.attachRolePolicy(request ->
                request.roleName("payments-reader").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        direct.tagRole(request ->
                request.roleName("payments-reader").tags(tag -> tag.key("owner").value("ana")));
        for (String profile : List.of("payments-ec2", "payments-batch", "payments-ecs")) {
            direct.createInstanceProfile(request -> request.instanceProfileName(profile));
            direct.addRoleToInstanceProfile(
                    request -> request.instanceProfileName(profile).roleName("payments-reader"));
        }
        assertEveryListHasMoreThanOnePage("payments-reader");
        Instant before = Instant.now();

        LiveRole live =
                liveRoles(ApplyMode.APPLY).read(MOTO_ACCOUNT, "payments-reader").orElseThrow();

        RoleSpec spec = live.spec();
        assertThat(spec.accountId()).isEqualTo(MOTO_ACCOUNT);
        assertThat(spec.roleName()).isEqualTo("payments-reader");
        assertThat(spec.path()).isEqualTo("/payments/");
        assertThat(spec.description()).isEqualTo("Reads payment reports");
        assertThat(spec.trustPolicy()).isEqualTo(json(TestSpecs.TRUST));
        assertThat(spec.permissionsBoundaryArn()).isEqualTo(TestSpecs.BOUNDARY);
        assertThat(spec.maxSessionDurationSeconds()).isEqualTo(7200);
        assertThat(spec.inlinePolicies())
                .containsOnlyKeys("read-reports", "send-payments", "plus-sign")
                .containsEntry("read-reports", json(TestSpecs.READ_BUCKET))
                .containsEntry("send-payments", json(TestSpecs.WRITE_QUEUE))
                .containsEntry("plus-sign", json(WITH_PLUS));
        assertThat(spec.managedPolicyArns())
                .containsExactlyInAnyOrder(
                        TestSpecs.READ_ONLY,
                        TestSpecs.CLOUDWATCH_READ_ONLY,
                        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        assertThat(spec.tags()).isEqualTo(Map.of("team", "payments", "cost-center", "cc-1234", "owner", "ana"));
        assertThat(spec.expiresAt()).isNull();
        assertThat(live.tags())
                .containsEntry("managed-by", "rolecall")
                .containsEntry("rolecall:request-id", requestId.toString())
                .hasSize(5);
        assertThat(live.managedByRolecall()).isTrue();
        assertThat(live.createdByRequest()).isEqualTo(requestId.toString());
        assertThat(live.arn()).isEqualTo("arn:aws:iam::" + MOTO_ACCOUNT + ":role/payments/payments-reader");
        assertThat(live.roleId()).isNotBlank();
        assertThat(live.createdAt()).isBeforeOrEqualTo(live.readAt());
        assertThat(live.readAt()).isAfterOrEqualTo(before);
        assertThat(live.instanceProfileNames())
                .containsExactlyInAnyOrder("payments-ec2", "payments-batch", "payments-ecs");
    }

    @Test
    void aRoleRolecallDidNotCreateReadsAsUnmanaged() {
        direct.createRole(request -> request.roleName("legacy").assumeRolePolicyDocument(TestSpecs.TRUST));

        LiveRole live = liveRoles(ApplyMode.APPLY).read(MOTO_ACCOUNT, "legacy").orElseThrow();

        assertThat(live.managedByRolecall()).isFalse();
        assertThat(live.createdByRequest()).isNull();
        assertThat(live.spec().inlinePolicies()).isEmpty();
        assertThat(live.spec().managedPolicyArns()).isEmpty();
        assertThat(live.spec().permissionsBoundaryArn()).isNull();
        assertThat(live.spec().maxSessionDurationSeconds()).isEqualTo(3600);
        assertThat(live.instanceProfileNames()).isEmpty();
    }

    @Test
    void aRoleThatDoesNotExistIsEmpty() {
        assertThat(liveRoles(ApplyMode.APPLY).read(MOTO_ACCOUNT, "nobody")).isEmpty();
    }

    @Test
    void aPlanOnlyAccountIsNotReadAndSaysSo() {
        assertThatThrownBy(() -> liveRoles(ApplyMode.PLAN_ONLY).read(MOTO_ACCOUNT, "payments-reader"))
                .isInstanceOfSatisfying(LiveRoleUnavailableException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LiveRoleUnavailableException.Reason.PLAN_ONLY);
                    assertThat(failure.getMessage()).contains("plan-only");
                });
    }

    @Test
    void anAccountRolecallDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> liveRoles(ApplyMode.APPLY).read("999999999999", "payments-reader"))
                .isInstanceOfSatisfying(
                        LiveRoleUnavailableException.class,
                        failure -> assertThat(failure.reason())
                                .isEqualTo(LiveRoleUnavailableException.Reason.UNKNOWN_ACCOUNT));
    }

    @Test
    void anUnreachableEndpointIsReportedInWords() throws IOException {
        TargetAccount unreachable = new TargetAccount(
                MOTO_ACCOUNT,
                "moto",
                "test",
                "us-east-1",
                URI.create("http://127.0.0.1:" + closedPort()),
                null,
                null,
                ApplyMode.APPLY);
        LiveRoles liveRoles = new LiveRoles(AccountRegistry.of(unreachable), gateway);

        assertThatThrownBy(() -> liveRoles.read(MOTO_ACCOUNT, "payments-reader"))
                .isInstanceOfSatisfying(LiveRoleUnavailableException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LiveRoleUnavailableException.Reason.AWS_ERROR);
                    assertThat(failure.getMessage()).startsWith("AWS did not let Rolecall read role payments-reader");
                });
    }

    /**
     * The emulator honours MaxItems for these two lists, so the read with pages of two follows their
     * markers (it answers ListRolePolicies and ListInstanceProfilesForRole in one page whatever the
     * MaxItems: {@link LiveRoleReaderTests} follows their markers).
     */
    private void assertEveryListHasMoreThanOnePage(String roleName) {
        assertThat(direct.listAttachedRolePolicies(
                                request -> request.roleName(roleName).maxItems(2))
                        .isTruncated())
                .isTrue();
        assertThat(direct.listRoleTags(request -> request.roleName(roleName).maxItems(2))
                        .isTruncated())
                .isTrue();
    }

    private LiveRoles liveRoles(ApplyMode mode) {
        TargetAccount account =
                new TargetAccount(MOTO_ACCOUNT, "moto", "test", "us-east-1", moto.endpoint(), null, null, mode);
        return new LiveRoles(AccountRegistry.of(account), gateway);
    }

    private void create(RoleSpec spec) {
        TargetAccount account = new TargetAccount(
                MOTO_ACCOUNT, "moto", "test", "us-east-1", moto.endpoint(), null, null, ApplyMode.APPLY);
        List<IamCall> plan = new ChangePlanner().plan(requestId, spec);
        try (IamSession iam = gateway.open(account, requestId)) {
            plan.forEach(iam::execute);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
