package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.UsesMoto;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** An admin's Test access against a real IAM and STS emulator, through the gateway an apply uses. */
@UsesMoto
class AccountAccessIntegrationTests {

    private static final CurrentUser DAVE = new CurrentUser("dave", null, Set.of(Role.REQUESTER, Role.ADMIN));

    private final MotoServer moto = MotoServer.shared();
    private final IamGateway gateway = new IamGateway(
            new ProvisioningProperties(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30), 10));

    @AfterEach
    void closeClients() {
        gateway.close();
    }

    private AccountAccessService service(TargetAccount account) {
        return new AccountAccessService(AccountRegistry.of(account), gateway);
    }

    private static TargetAccount account(
            String id, URI endpoint, @Nullable String assumeRoleArn, @Nullable String externalId) {
        return new TargetAccount(id, "moto", "test", "us-east-1", endpoint, assumeRoleArn, externalId, ApplyMode.APPLY);
    }

    @Test
    void withTheDefaultCredentialsRolecallSaysWhoItIsAndListsRoles() {
        TargetAccount account = account("123456789012", moto.endpoint(), null, null);

        AccessCheckResult result =
                service(account).testAccess("123456789012", DAVE).orElseThrow();

        assertThat(result.outcome()).isEqualTo(AccessCheckResult.Outcome.REACHED);
        assertThat(result.callerArn()).startsWith("arn:aws:sts::123456789012:");
        assertThat(result.errorCode()).isNull();
    }

    @Test
    void withAProvisionerRoleTheTestAssumesItInASessionNamedAfterTheAdmin() {
        TargetAccount account = account(
                "210987654321",
                moto.endpoint(),
                "arn:aws:iam::210987654321:role/rolecall-provisioner",
                "rolecall-external-id");

        AccessCheckResult result =
                service(account).testAccess("210987654321", DAVE).orElseThrow();

        assertThat(result.outcome()).isEqualTo(AccessCheckResult.Outcome.REACHED);
        assertThat(result.callerArn())
                .isEqualTo("arn:aws:sts::210987654321:assumed-role/rolecall-provisioner/rolecall-check-dave");
    }

    @Test
    void anUnreachableEndpointIsNoAnswerWithoutTheClientsOwnText() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TargetAccount account = account("123456789012", URI.create("http://127.0.0.1:" + closed), null, null);

        AccessCheckResult result =
                service(account).testAccess("123456789012", DAVE).orElseThrow();

        assertThat(result.outcome()).isEqualTo(AccessCheckResult.Outcome.NO_ANSWER);
        assertThat(result.failedCall()).isEqualTo("GetCallerIdentity");
        assertThat(result.errorMessage()).isNull();
    }

    @Test
    void anAccountThatIsNotConfiguredIsNotTestedAndOnlyAdminsTest() {
        AccountAccessService service = service(account("123456789012", moto.endpoint(), null, null));

        assertThat(service.testAccess("999999999999", DAVE)).isEmpty();
        assertThatThrownBy(() -> service.testAccess(
                        "123456789012", new CurrentUser("bob", "security", Set.of(Role.REQUESTER, Role.REVIEWER))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSessionNameKeepsToStsCharactersAndLength() {
        assertThat(IamGateway.checkSessionName("dave")).isEqualTo("rolecall-check-dave");
        assertThat(IamGateway.checkSessionName("ann marie/ops")).isEqualTo("rolecall-check-ann-marie-ops");
        assertThat(IamGateway.checkSessionName("x".repeat(100))).hasSize(64);
    }
}
