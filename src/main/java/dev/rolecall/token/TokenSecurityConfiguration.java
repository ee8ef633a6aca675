package dev.rolecall.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code Authorization: Bearer} on {@code /api/**}: a filter chain of its own, ahead of the HTTP
 * Basic chain, for requests that carry a bearer token. Stateless, no CSRF (no cookies). Each
 * endpoint needs a scope and the role it always needs; anything not listed is refused to tokens,
 * and a token cannot mint or revoke tokens. With {@code rolecall.tokens.http-basic=false} a second
 * chain refuses HTTP Basic on the API before any password is looked at.
 */
@Configuration(proxyBeanMethods = false)
class TokenSecurityConfiguration {

    private static final RequestMatcher API =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Bean
    @Order(0)
    SecurityFilterChain tokenApiSecurity(HttpSecurity http, ApiTokenService tokens) throws Exception {
        AuthenticationFilter bearer =
                new AuthenticationFilter(new ProviderManager(new TokenAuthenticationProvider(tokens)), request -> {
                    String secret = secret(request);
                    return secret == null ? null : ApiTokenAuthentication.presented(secret, request.getRemoteAddr());
                });
        bearer.setSuccessHandler((request, response, authentication) -> {});
        bearer.setFailureHandler((request, response, e) -> unauthorized(response));
        http.securityMatcher(new AndRequestMatcher(API, TokenSecurityConfiguration::hasBearer))
                .addFilterAt(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/tokens", "/api/v1/tokens/**")
                        .denyAll()
                        .requestMatchers("/api/v1/audit-events.csv", "/api/v1/audit-events/**")
                        .access(AuthorizationManagers.<RequestAuthorizationContext>allOf(
                                AuthorityAuthorizationManager.hasAuthority(TokenScope.AUDIT_READ.authority()),
                                AuthorityAuthorizationManager.hasAnyRole("AUDITOR", "ADMIN")))
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/role-requests/*/decisions",
                                "/api/v1/role-requests/*/emergency-review")
                        .hasAuthority(TokenScope.DECISIONS_WRITE.authority())
                        .requestMatchers(HttpMethod.GET, "/api/v1/role-requests", "/api/v1/role-requests/**")
                        .hasAuthority(TokenScope.REQUESTS_READ.authority())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/role-requests",
                                "/api/v1/role-requests/*/retry",
                                "/api/v1/role-requests/*/rollback")
                        .hasAuthority(TokenScope.REQUESTS_WRITE.authority())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/role-requests/*")
                        .hasAuthority(TokenScope.REQUESTS_WRITE.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/policy-analyses", "/api/v1/policy-simulations")
                        .hasAnyAuthority(TokenScope.REQUESTS_READ.authority(), TokenScope.REQUESTS_WRITE.authority())
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint((request, response, e) -> unauthorized(response))
                                .accessDeniedHandler((request, response, e) -> problem(
                                        response,
                                        HttpServletResponse.SC_FORBIDDEN,
                                        "Forbidden",
                                        "This token's scopes or its owner's roles do not allow this.")))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(TokenSecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(0)
    @ConditionalOnBooleanProperty(name = "rolecall.tokens.http-basic", havingValue = false)
    SecurityFilterChain basicTurnedOff(HttpSecurity http) throws Exception {
        http.securityMatcher(new AndRequestMatcher(API, TokenSecurityConfiguration::hasBasic))
                .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Rolecall\"");
                    problem(
                            response,
                            HttpServletResponse.SC_UNAUTHORIZED,
                            "Unauthorized",
                            "HTTP Basic is turned off here; use an API token (Authorization: Bearer).");
                }))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(TokenSecurityConfiguration::headers);
        return http.build();
    }

    private static boolean hasBearer(HttpServletRequest request) {
        return scheme(request, "Bearer ");
    }

    private static boolean hasBasic(HttpServletRequest request) {
        return scheme(request, "Basic ");
    }

    private static boolean scheme(HttpServletRequest request, String scheme) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    private static @Nullable String secret(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= 7) {
            return null;
        }
        String secret = header.substring(7).strip();
        return secret.isEmpty() || secret.length() > 200 ? null : secret;
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Rolecall\", error=\"invalid_token\"");
        problem(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "Unauthorized",
                "The token is unknown, expired or revoked, or its owner can no longer sign in.");
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
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

    /** Checks a presented token against the store; a refusal never says which check failed. */
    private record TokenAuthenticationProvider(ApiTokenService tokens)
            implements org.springframework.security.authentication.AuthenticationProvider {

        @Override
        public org.springframework.security.core.Authentication authenticate(
                org.springframework.security.core.Authentication attempt) {
            ApiTokenAuthentication presented = (ApiTokenAuthentication) attempt;
            Object secret = presented.getCredentials();
            if (!(secret instanceof String text)) {
                throw new BadCredentialsException("no token");
            }
            return tokens.authenticate(text, presented.address())
                    .map(checked -> ApiTokenAuthentication.of(checked, presented.address()))
                    .orElseThrow(() -> new BadCredentialsException("unknown, expired or revoked token"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiTokenAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
