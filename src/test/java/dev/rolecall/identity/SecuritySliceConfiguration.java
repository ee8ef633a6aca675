package dev.rolecall.identity;

import dev.rolecall.policy.PolicyTemplates;
import java.util.List;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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
public class SecuritySliceConfiguration {

    /**
     * The request form and the request page name the policy templates ({@code @policyTemplates}), and
     * the form's advice offers them in every slice: the shipped library.
     */
    @Bean
    PolicyTemplates policyTemplates() {
        return PolicyTemplates.read(List.of());
    }
}
