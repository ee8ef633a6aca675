package dev.rolecall.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two filter chains: the JSON API is stateless with HTTP Basic and no CSRF (no cookies are
 * involved); the browser UI uses form login, a session and CSRF tokens. Both send strict headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere; htmx is configured not to inject styles. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] READ_ALL = {"AUDITOR", "ADMIN"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/api/v1/audit-events.csv", "/api/v1/audit-events/**")
                                .hasAnyRole(READ_ALL)
                                .anyRequest()
                                .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Rolecall\"");
                    problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "Sign in with HTTP Basic.");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> problem(
                        response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Your role does not allow this.")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        RequestCache requestCache = new HttpSessionRequestCache();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator", "/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/audit", "/audit/**")
                        .hasAnyRole(READ_ALL)
                        .requestMatchers("/inbox", "/inbox/**")
                        .hasAnyRole("REVIEWER", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                .formLogin(login ->
                        login.loginPage("/login").successHandler(new RelativeRedirectSuccessHandler(requestCache)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(loginEntryPoint()))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(Customizer.withDefaults())
                .headers(this::headers);
        return http.build();
    }

    /**
     * Sends people who are not signed in to {@code /login} as a path: Tomcat keeps relative
     * redirects relative ({@code server.tomcat.use-relative-redirects}), so no {@code Location}
     * header repeats the {@code Host} header a client sent.
     */
    private static LoginUrlAuthenticationEntryPoint loginEntryPoint() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }

    @Bean
    WebMvcConfigurer currentUserResolver(CurrentUserArgumentResolver resolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
