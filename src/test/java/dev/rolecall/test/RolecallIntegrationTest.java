package dev.rolecall.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole Rolecall application on the shared test PostgreSQL ({@link UsesTestDatabase}): a
 * {@code @SpringBootTest} whose database a reader can find from the test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@UsesTestDatabase
public @interface RolecallIntegrationTest {

    /** As {@link SpringBootTest#webEnvironment()}: a mock servlet environment unless told otherwise. */
    @AliasFor(annotation = SpringBootTest.class)
    WebEnvironment webEnvironment() default WebEnvironment.MOCK;
}
