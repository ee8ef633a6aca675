package dev.rolecall.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The test's Spring context runs on the JVM's shared {@link TestDatabase} instead of the console's
 * embedded database: Flyway migrates as the schema's owner, the application connects as the
 * runtime role. Put it on slice tests that reach PostgreSQL ({@code @WebMvcTest} with {@code
 * SecuritySliceConfiguration}, whose sign-in throttle keeps its buckets there); full application
 * tests get it through {@link RolecallIntegrationTest}.
 *
 * <p>Every class that carries it adds the same context customizer, so Spring's context cache
 * still shares one context between classes that declare the same configuration.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(TestDatabaseContextCustomizerFactory.class)
public @interface UsesTestDatabase {}
