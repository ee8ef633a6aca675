package dev.rolecall.identity;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * For {@code @WebMvcTest} slices: Rolecall's real security rules and users (the demo users), so
 * that slice tests exercise the same filter chains, CSRF, role checks and sign-in throttle as the
 * application. The throttle keeps its buckets in the shared test PostgreSQL, as in the application.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, SignInMethods.class})
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import({
    SecurityConfiguration.class,
    UserDirectory.class,
    CurrentUserArgumentResolver.class,
    SignInThrottleConfiguration.class,
    SignInOutcomes.class
})
public class SecuritySliceConfiguration {}
