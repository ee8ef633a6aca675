package dev.rolecall.provisioning;

import static dev.rolecall.provisioning.TestSpecs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.UsesMoto;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import tools.jackson.databind.JsonNode;

/** The gateway against a real IAM emulator; the role is read back with the SDK directly. */
@UsesMoto
class IamGatewayIntegrationTests {

    private static final String MOTO_ACCOUNT = "123456789012";

    private final MotoServer moto = MotoServer.shared();
    private final IamClient reader = moto.iamClient();

    private final ChangePlanner planner = new ChangePlanner();
    private final IamGateway gateway = new IamGateway(
            new ProvisioningProperties(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30), 10));
    private final RoleRequestId requestId = new RoleRequestId(UUID.randomUUID());

    @AfterEach
    void closeClients() {
        gateway.close();
        reader.close();
    }

    @Test
    void createsTheRoleWithEveryFieldOfThePlan() {
        String arn = applyAll(
                account(moto.endpoint(), null, null),
                planner.plan(requestId, TestSpecs.full(MOTO_ACCOUNT, "payments-reader")));

        Role role =
                reader.getRole(request -> request.roleName("payments-reader")).role();
        assertThat(arn)
                .isEqualTo(role.arn())
                .isEqualTo("arn:aws:iam::" + MOTO_ACCOUNT + ":role/payments/payments-reader");
        assertThat(role.path()).isEqualTo("/payments/");
        assertThat(role.description()).isEqualTo("Reads payment reports");
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
        assertThat(role.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(TestSpecs.BOUNDARY);
        assertThat(document(role.assumeRolePolicyDocument())).isEqualTo(json(TestSpecs.TRUST));
        assertThat(tags(reader.listRoleTags(request -> request.roleName("payments-reader"))
                        .tags()))
                .isEqualTo(Map.of(
                        "team", "payments",
                        "cost-center", "cc-1234",
                        "managed-by", "rolecall",
                        "rolecall:request-id", requestId.toString()));
        Role listed = reader.listRoles(request -> request.pathPrefix("/payments/"))
                .roles()
                .get(0);
        assertThat(document(listed.assumeRolePolicyDocument())).isEqualTo(json(TestSpecs.TRUST));
    }

    @Test
    void putsTheInlinePoliciesAndAttachesTheManagedOnes() {
        applyAll(
                account(moto.endpoint(), null, null),
                planner.plan(requestId, TestSpecs.full(MOTO_ACCOUNT, "payments-reader")));

        assertThat(reader.listRolePolicies(request -> request.roleName("payments-reader"))
                        .policyNames())
                .containsExactlyInAnyOrder("read-reports", "send-payments");
        assertThat(inlinePolicy("read-reports")).isEqualTo(json(TestSpecs.READ_BUCKET));
        assertThat(inlinePolicy("send-payments")).isEqualTo(json(TestSpecs.WRITE_QUEUE));
        assertThat(reader.listAttachedRolePolicies(request -> request.roleName("payments-reader"))
                        .attachedPolicies())
                .extracting(AttachedPolicy::policyArn)
                .containsExactlyInAnyOrder(TestSpecs.READ_ONLY, TestSpecs.CLOUDWATCH_READ_ONLY);
    }

    @Test
    void aRoleWithOnlyTheRequiredFieldsHasNoBoundaryAndTheDefaultSession() {
        applyAll(
                account(moto.endpoint(), null, null),
                planner.plan(requestId, TestSpecs.minimal(MOTO_ACCOUNT, "ci-deployer")));

        Role role = reader.getRole(request -> request.roleName("ci-deployer")).role();
        assertThat(role.path()).isEqualTo("/");
        assertThat(role.permissionsBoundary()).isNull();
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
        assertThat(reader.listRolePolicies(request -> request.roleName("ci-deployer"))
                        .policyNames())
                .isEmpty();
    }

    @Test
    void aRefusedCallCarriesTheAwsErrorCodeAndMessage() {
        List<IamCall> plan = planner.plan(requestId, TestSpecs.minimal(MOTO_ACCOUNT, "ci-deployer"));
        TargetAccount account = account(moto.endpoint(), null, null);
        applyAll(account, plan);

        try (IamSession iam = gateway.open(account, requestId)) {
            assertThatThrownBy(() -> iam.execute(plan.get(0)))
                    .isInstanceOfSatisfying(IamCallFailedException.class, failure -> {
                        assertThat(failure.code()).isEqualTo("EntityAlreadyExists");
                        assertThat(failure.getMessage()).contains("ci-deployer");
                    });
        }
    }

    @Test
    void attachingAPolicyThatDoesNotExistIsRefused() {
        TargetAccount account = account(moto.endpoint(), null, null);
        applyAll(account, planner.plan(requestId, TestSpecs.minimal(MOTO_ACCOUNT, "ci-deployer")));

        try (IamSession iam = gateway.open(account, requestId)) {
            assertThatThrownBy(() -> iam.attachRolePolicy(
                            new IamCall.AttachRolePolicy("ci-deployer", "arn:aws:iam::aws:policy/NoSuchPolicy")))
                    .isInstanceOfSatisfying(
                            IamCallFailedException.class,
                            failure -> assertThat(failure.code()).isEqualTo("NoSuchEntity"));
        }
    }

    @Test
    void anUnreachableEndpointIsAClientError() {
        TargetAccount account = account(URI.create("http://127.0.0.1:" + closedPort()), null, null);
        IamCall createRole = planner.plan(requestId, TestSpecs.minimal(MOTO_ACCOUNT, "ci-deployer"))
                .get(0);

        try (IamSession iam = gateway.open(account, requestId)) {
            assertThatThrownBy(() -> iam.execute(createRole))
                    .isInstanceOfSatisfying(
                            IamCallFailedException.class,
                            failure -> assertThat(failure.code()).isEqualTo(IamCallFailedException.CLIENT_ERROR));
        }
    }

    @Test
    void withAProvisionerRoleTheCallsAreMadeAsThatRoleInItsAccount() {
        TargetAccount account = new TargetAccount(
                "210987654321",
                "moto-other",
                "test",
                "us-east-1",
                moto.endpoint(),
                "arn:aws:iam::210987654321:role/rolecall-provisioner",
                "rolecall-external-id",
                ApplyMode.APPLY);

        String arn = applyAll(account, planner.plan(requestId, TestSpecs.minimal("210987654321", "ci-deployer")));

        // moto keeps each account apart: the assumed role's credentials act in 210987654321.
        assertThat(arn).isEqualTo("arn:aws:iam::210987654321:role/ci-deployer");
        assertThat(reader.listRoles().roles()).extracting(Role::roleName).doesNotContain("ci-deployer");
    }

    private String applyAll(TargetAccount account, List<IamCall> plan) {
        String arn = null;
        try (IamSession iam = gateway.open(account, requestId)) {
            for (IamCall call : plan) {
                String created = iam.execute(call);
                arn = created == null ? arn : created;
            }
        }
        assertThat(arn).isNotNull();
        return arn;
    }

    private TargetAccount account(URI endpoint, @Nullable String assumeRoleArn, @Nullable String externalId) {
        return new TargetAccount(
                MOTO_ACCOUNT, "moto", "test", "us-east-1", endpoint, assumeRoleArn, externalId, ApplyMode.APPLY);
    }

    private JsonNode inlinePolicy(String name) {
        return document(reader.getRolePolicy(
                        request -> request.roleName("payments-reader").policyName(name))
                .policyDocument());
    }

    /** IAM returns policy documents URL-encoded (moto: except from ListRoles). */
    private static JsonNode document(String text) {
        return json(text.startsWith("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8));
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
