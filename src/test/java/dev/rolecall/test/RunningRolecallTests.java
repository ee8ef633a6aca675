package dev.rolecall.test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole Rolecall on a random port, with two accounts: the plan-only demo sandbox and an account
 * that applies to the shared moto server. Every test class that extends it declares the same context,
 * so Spring starts it once for all of them (journeys over HTTP and in the browser alike).
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@UsesMoto
public abstract class RunningRolecallTests {

    /** The plan-only demo account: nothing is sent to AWS. */
    public static final String DEMO_ACCOUNT = "111122223333";

    /** moto's default account, which applies: roles it creates carry this account id in their ARN. */
    public static final String MOTO_ACCOUNT = "123456789012";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        registry.add("rolecall.accounts[0].id", () -> DEMO_ACCOUNT);
        registry.add("rolecall.accounts[0].name", () -> "demo-sandbox");
        registry.add("rolecall.accounts[0].mode", () -> "PLAN_ONLY");
        registry.add("rolecall.accounts[1].id", () -> MOTO_ACCOUNT);
        registry.add("rolecall.accounts[1].name", () -> "payments-dev");
        registry.add("rolecall.accounts[1].environment", () -> "dev");
        registry.add(
                "rolecall.accounts[1].endpoint",
                () -> MotoServer.shared().endpoint().toString());
        registry.add("rolecall.accounts[1].mode", () -> "APPLY");
    }
}
