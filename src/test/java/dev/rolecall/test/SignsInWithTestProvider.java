package dev.rolecall.test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running Rolecall on a random port that offers sign-in through the {@link TestIdentityProvider}
 * besides its local users. Test classes that extend it share one application context.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class SignsInWithTestProvider {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.get().rolecallProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
