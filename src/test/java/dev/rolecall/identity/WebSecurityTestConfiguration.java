package dev.rolecall.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * For web slice tests ({@code @WebMvcTest}) of any module: the real security rules (both filter
 * chains, headers, the {@link CurrentUser} argument resolver) and the configured users, so tests
 * sign in as the demo users (alice, bob, carol, dave, … with password {@code demo}) or use
 * {@code SecurityMockMvcRequestPostProcessors.user(...)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({SecurityConfiguration.class, UserDirectory.class})
@EnableConfigurationProperties(IdentityProperties.class)
public @interface WebSecurityTestConfiguration {}
