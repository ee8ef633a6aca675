package dev.rolecall.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * For {@code @WebMvcTest} slices: Rolecall's real security rules and users (the demo users), so
 * that slice tests exercise the same filter chains, CSRF and role checks as the application.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
@Import({SecurityConfiguration.class, UserDirectory.class, CurrentUserArgumentResolver.class})
public class SecuritySliceConfiguration {}
