package dev.rolecall.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
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

    /**
     * No observation per security filter or per access decision: with an observation registry present,
     * Spring Security wraps each of the chain's filters, and each request's access decision, in an
     * observation of its own on every request, stylesheets included. Requests stay observed as a whole
     * (http.server.requests on /actuator/prometheus, with their 401 and 403 statuses); sign-ins, failed
     * ones included, are in the audit trail.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Passwords are checked by Spring's {@link DaoAuthenticationProvider} (which checks a dummy
     * hash for unknown names), behind the sign-in throttle. Both filter chains use this manager
     * and nothing else, so no sign-in path skips the throttle; an API caller whose name and
     * password passed both within the last minute is let in without repeating them
     * ({@link VerifiedCredentials}).
     */
    @Bean
    AuthenticationManager authenticationManager(
            UserDirectory users,
            SignInMethods signInMethods,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            ApplicationEventPublisher events,
            Clock clock) {
        DaoAuthenticationProvider passwords =
                new DaoAuthenticationProvider(signInMethods.localSignIn() ? users : UserDirectory.NOBODY);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new VerifiedCredentials(
                new ThrottledAuthenticationProvider(passwords, throttle, events, clock), clock));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, AuthenticationManager authenticationManager, MessageSource messages, Clock clock)
            throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/api/v1/audit-events.csv", "/api/v1/audit-events/**")
                                .hasAnyRole(READ_ALL)
                                .requestMatchers("/api/v1/service-accounts", "/api/v1/service-accounts/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .authenticated())
                .httpBasic(basic -> basic.authenticationDetailsSource(SignInDetails.source(SignInDetails.API))
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e instanceof SignInThrottledException throttled) {
                                tooManyFailures(response, throttled, messages, clock);
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Rolecall\"");
                            problem(
                                    response,
                                    HttpServletResponse.SC_UNAUTHORIZED,
                                    "Unauthorized",
                                    "Sign in with HTTP Basic.");
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
    SecurityFilterChain uiSecurity(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            SignInMethods signInMethods,
            SignInOutcomes signInOutcomes,
            ObjectProvider<SsoConfiguration.SsoSignIn> sso)
            throws Exception {
        RequestCache requestCache = new HttpSessionRequestCache();
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/login", SignInOutcomes.REFUSED_PAGE, "/error")
                                .permitAll()
                                .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                                .permitAll()
                                .requestMatchers("/actuator/health", "/actuator/health/**")
                                .permitAll()
                                .requestMatchers("/actuator", "/actuator/**")
                                .hasRole("ADMIN")
                                .requestMatchers("/audit", "/audit/**")
                                .hasAnyRole(READ_ALL)
                                .requestMatchers("/inbox", "/inbox/**")
                                .hasAnyRole("REVIEWER", "ADMIN")
                                .requestMatchers("/admin", "/admin/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(loginEntryPoint()))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(Customizer.withDefaults())
                .headers(this::headers);
        signInMethods(http, authenticationManager, signInMethods, signInOutcomes, sso.getIfAvailable(), requestCache);
        return http.build();
    }

    /** Local passwords through the form and the organisation's provider, each on by configuration. */
    private static void signInMethods(
            HttpSecurity http,
            AuthenticationManager passwords,
            SignInMethods methods,
            SignInOutcomes outcomes,
            SsoConfiguration.@Nullable SsoSignIn sso,
            RequestCache requestCache)
            throws Exception {
        if (methods.localSignIn()) {
            http.formLogin(login -> login.loginPage("/login")
                    .authenticationDetailsSource(SignInDetails.source(SignInDetails.FORM))
                    .successHandler(outcomes.succeeded(SignInDetails.FORM, requestCache))
                    .failureHandler(signInFailureHandler()));
        }
        if (sso != null) {
            sso.configure(http, passwords, requestCache);
        }
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

    /**
     * A wrong password goes back to {@code /login?error}; a throttled attempt to
     * {@code /login?throttled}, where the page says when to try again. Both keep the exception in
     * the session for the page to read.
     */
    private static AuthenticationFailureHandler signInFailureHandler() {
        LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> byType =
                new LinkedHashMap<>();
        byType.put(SignInThrottledException.class, new SimpleUrlAuthenticationFailureHandler("/login?throttled"));
        return new DelegatingAuthenticationFailureHandler(
                byType, new SimpleUrlAuthenticationFailureHandler("/login?error"));
    }

    /** 429 with {@code Retry-After} in seconds, and the same words the sign-in page uses. */
    private static void tooManyFailures(
            HttpServletResponse response, SignInThrottledException throttled, MessageSource messages, Clock clock)
            throws IOException {
        response.setHeader(
                HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()));
        long minutes = SignInThrottledException.minutesUntil(throttled.retryAt(), clock.instant());
        problem(
                response,
                HttpStatus.TOO_MANY_REQUESTS.value(),
                "Too Many Requests",
                messages.getMessage("login.throttled", new Object[] {minutes}, Locale.ENGLISH));
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
