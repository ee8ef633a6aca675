package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.provisioning.ManagedRoleCalls;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The time to scan an account of 1,000 roles against moto, each with an inline and a managed
 * policy: the IAM calls alone (ListRoles and GetAccountAuthorizationDetails, every page, within
 * the account's rate limit), and the whole scan with each role's findings and risk. Run with
 * {@code ./mvnw -Pbench test -Dtest=RoleImportBenchmark}.
 */
@RolecallIntegrationTest
@UsesMoto
class RoleImportBenchmark {

    static final String ACCOUNT = "444455556666";
    static final int ROLES = 1000;
    static final int RUNS = 3;

    private final IamClient iam = MotoServer.shared().iamClient();

    @Autowired
    ManagedRoleCalls calls;

    @Autowired
    RoleImport imports;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        RoleExpiryIntegrationTests.account(registry, 0, ACCOUNT);
    }

    @Test
    void scanOfAThousandRoles() {
        IntStream.range(0, ROLES).parallel().forEach(i -> {
            String name = String.format("bench-%04d", i);
            iam.createRole(request -> request.roleName(name).assumeRolePolicyDocument(InventorySpecs.TRUST));
            iam.putRolePolicy(request ->
                    request.roleName(name).policyName("read-reports").policyDocument(InventorySpecs.READ_BUCKET));
            iam.attachRolePolicy(request -> request.roleName(name).policyArn(InventorySpecs.READ_ONLY));
        });
        for (int run = 1; run <= RUNS; run++) {
            long started = System.nanoTime();
            int listed = calls.scan(ACCOUNT).size();
            long callsMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            RoleImport.Scan scan = imports.scan(ACCOUNT, DAVE);
            long scanMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(listed).isEqualTo(ROLES);
            assertThat(scan.rows()).hasSize(ROLES);
            System.out.printf(
                    "import scan, run %d: %,d roles; IAM calls %,d ms; whole scan with findings and risk %,d ms (%,.0f roles/s)%n",
                    run, ROLES, callsMillis, scanMillis, ROLES * 1000.0 / Math.max(1, scanMillis));
        }
    }
}
