package dev.rolecall.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class talks to the JVM's shared moto server ({@link MotoServer#shared()}): it is started
 * once for all such classes, and forgets every resource before each test (or, with
 * {@code resetBeforeEachTest = false}, only before the class). Test methods and lifecycle methods may
 * take a {@link MotoServer} parameter.
 *
 * <pre>{@code
 * @RolecallIntegrationTest
 * @UsesMoto
 * class ProvisioningIntegrationTests {
 *     @DynamicPropertySource
 *     static void accounts(DynamicPropertyRegistry registry) {
 *         registry.add("rolecall.accounts[1].endpoint", () -> MotoServer.shared().endpoint().toString());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MotoExtension.class)
public @interface UsesMoto {

    /** Whether moto forgets everything before each test, not only before the class. */
    boolean resetBeforeEachTest() default true;
}
