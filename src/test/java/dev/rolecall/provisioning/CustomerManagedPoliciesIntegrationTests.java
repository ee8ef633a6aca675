package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.CustomerManagedPolicies;
import dev.rolecall.policy.CustomerManagedPolicies.CustomerPolicy;
import dev.rolecall.policy.ManagedPolicyPicker;
import dev.rolecall.policy.ManagedPolicyPicker.CustomerMatches;
import dev.rolecall.policy.ManagedPolicyPicker.ManagedPolicyChoice;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.UsesMoto;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The policy picker's customer-managed policies of an account, read from a real IAM emulator through
 * the gateway an apply uses, and analysed by the real policy engine.
 */
@UsesMoto
class CustomerManagedPoliciesIntegrationTests {

    private static final String MOTO_ACCOUNT = "123456789012";
    private static final String EVERYTHING_IN_S3 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private static final String READ_ONE_BUCKET = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::payments-reports/*"}]}""";

    private final MotoServer moto = MotoServer.shared();
    private final IamClient direct = moto.iamClient();
    private final IamGateway gateway = new IamGateway(
            new ProvisioningProperties(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30), 1000));
    private final String prefix = "cmp" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void closeClients() {
        gateway.close();
        direct.close();
    }

    @Test
    void anApplyAccountsOwnPolicyIsListedWithTheRiskOfItsDefaultVersionAndItsArnToAdd() {
        String arn = create(prefix + "-s3-everything", READ_ONE_BUCKET);
        direct.createPolicyVersion(request ->
                request.policyArn(arn).policyDocument(EVERYTHING_IN_S3).setAsDefault(true));
        create(prefix + "-reports-read", READ_ONE_BUCKET);

        CustomerMatches found =
                picker(reader(account(moto.endpoint(), ApplyMode.APPLY), 100)).searchAccount(prefix, MOTO_ACCOUNT);

        assertThat(found.unavailable()).isNull();
        assertThat(found.choices())
                .extracting(ManagedPolicyChoice::name)
                .containsExactly(prefix + "-reports-read", prefix + "-s3-everything");
        ManagedPolicyChoice everything = found.choices().get(1);
        assertThat(everything.arn()).isEqualTo(arn);
        assertThat(everything.kind()).isEqualTo("Customer managed");
        assertThat(everything.risk()).isGreaterThan(found.choices().get(0).risk());
        assertThat(everything.risk()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
        assertThat(everything.access()).contains("Amazon S3");
        assertThat(found.choices().get(0).access()).contains("Amazon S3").contains("Read");
    }

    @Test
    void everyPageOfAnAccountWithMoreThanAHundredPoliciesIsListed() {
        IntStream.range(0, 105).forEach(i -> create(prefix + "-many-" + i, READ_ONE_BUCKET));

        CustomerManagedPolicies.Listing listing =
                reader(account(moto.endpoint(), ApplyMode.APPLY), 100).list(MOTO_ACCOUNT);

        assertThat(listing.unavailable()).isNull();
        assertThat(listing.policies().stream()
                        .map(CustomerPolicy::name)
                        .filter(name -> name.startsWith(prefix + "-many-")))
                .hasSize(105);
    }

    @Test
    void aListingIsKeptForAMinuteSoTypingDoesNotCallAwsAgain() {
        AccountPolicyReader reader = reader(account(moto.endpoint(), ApplyMode.APPLY), 1000);
        create(prefix + "-first", READ_ONE_BUCKET);
        assertThat(names(reader)).contains(prefix + "-first");

        create(prefix + "-later", READ_ONE_BUCKET);

        assertThat(names(reader)).contains(prefix + "-first").doesNotContain(prefix + "-later");
        assertThat(AccountPolicyReader.LISTING_KEPT).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aPlanOnlyAccountSaysWhyItsPoliciesAreNotListedAndMakesNoCall() throws IOException {
        CustomerMatches found = picker(
                        reader(account(URI.create("http://127.0.0.1:" + closedPort()), ApplyMode.PLAN_ONLY), 100))
                .searchAccount("read", MOTO_ACCOUNT);

        assertThat(found.choices()).isEmpty();
        assertThat(found.unavailable()).contains("plan-only").contains("customer-managed policies are not listed");
    }

    @Test
    void anUnreachableOrUnknownAccountSaysWhyInWords() throws IOException {
        AccountPolicyReader unreachable =
                reader(account(URI.create("http://127.0.0.1:" + closedPort()), ApplyMode.APPLY), 100);

        assertThat(unreachable.list(MOTO_ACCOUNT).unavailable())
                .contains("AWS could not be reached")
                .contains(IamCallFailedException.CLIENT_ERROR);
        assertThat(unreachable.list("999999999999").unavailable()).contains("not one of Rolecall's accounts");
    }

    private String create(String name, String document) {
        return direct.createPolicy(request -> request.policyName(name).policyDocument(document))
                .policy()
                .arn();
    }

    private static java.util.List<String> names(AccountPolicyReader reader) {
        return reader.list(MOTO_ACCOUNT).policies().stream()
                .map(CustomerPolicy::name)
                .toList();
    }

    private AccountPolicyReader reader(TargetAccount account, int pageSize) {
        return new AccountPolicyReader(AccountRegistry.of(account), gateway, pageSize);
    }

    private static ManagedPolicyPicker picker(CustomerManagedPolicies policies) {
        return new ManagedPolicyPicker(
                PolicyFixtures.managedPolicies(),
                PolicyFixtures.policyAnalysisService(),
                PolicyFixtures.rolePermissionsService(),
                Optional.of(policies));
    }

    private static TargetAccount account(URI endpoint, ApplyMode mode) {
        return new TargetAccount(MOTO_ACCOUNT, "moto", "test", "us-east-1", endpoint, null, null, mode);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
