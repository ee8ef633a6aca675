package dev.rolecall.identity;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Sign-in with the organisation's OpenID Connect provider, on when
 * {@code rolecall.identity.sso.enabled} is. The provider's endpoints come from its discovery
 * document, read once at start. Everything the flow keeps between requests (the authorization
 * request, the authorized client, the signed-in {@link SsoUser}) lives in the HTTP session, which
 * Spring Session keeps in PostgreSQL, so any console behind a load balancer can finish a sign-in
 * another one started.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("rolecall.identity.sso.enabled")
class SsoConfiguration {

    @Bean
    ClientRegistrationRepository ssoClientRegistrations(SignInMethods methods) {
        SignInMethods.Sso sso = methods.sso();
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        scopes.addAll(sso.scopes());
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(
                        Objects.requireNonNull(sso.issuerUri(), "issuer-uri").toString())
                .registrationId(SignInMethods.Sso.REGISTRATION_ID)
                .clientId(Objects.requireNonNull(sso.clientId(), "client-id"))
                .clientSecret(sso.clientSecret())
                .clientName(sso.name())
                .scope(scopes)
                .userNameAttributeName(sso.usernameClaim())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    SsoSignIn ssoSignIn(
            ClientRegistrationRepository registrations,
            SignInMethods methods,
            UserDirectory localUsers,
            SsoPeople people,
            ServiceAccounts serviceAccounts,
            SignInOutcomes outcomes,
            Clock clock) {
        return new SsoSignIn(
                registrations, new SsoUserService(methods.sso(), localUsers, people, serviceAccounts, clock), outcomes);
    }

    /** Adds the provider's sign-in and sign-out to the browser's filter chain. */
    static final class SsoSignIn {

        private final ClientRegistrationRepository registrations;
        private final SsoUserService users;
        private final SignInOutcomes outcomes;

        SsoSignIn(ClientRegistrationRepository registrations, SsoUserService users, SignInOutcomes outcomes) {
            this.registrations = registrations;
            this.users = users;
            this.outcomes = outcomes;
        }

        /**
         * Sign-in through the provider, and a sign-out that also ends the provider's session when
         * its discovery document names an {@code end_session_endpoint} (RP-initiated logout); the
         * provider then sends the browser back to the sign-in page.
         */
        void configure(HttpSecurity http, AuthenticationManager passwords, RequestCache requestCache) throws Exception {
            // The chain's manager is set explicitly, so the provider's code exchange is added to it here.
            OidcAuthorizationCodeAuthenticationProvider codes = new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), users);
            http.authenticationManager(new ProviderManager(List.of(codes), passwords));
            OidcClientInitiatedLogoutSuccessHandler signOut =
                    new OidcClientInitiatedLogoutSuccessHandler(registrations);
            signOut.setPostLogoutRedirectUri("{baseUrl}/login?signedOut");
            signOut.setDefaultTargetUrl("/login?signedOut");
            http.oauth2Login(login -> login.loginPage("/login")
                            .clientRegistrationRepository(registrations)
                            .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                            .successHandler(outcomes.succeeded(SignInDetails.SSO, requestCache))
                            .failureHandler(outcomes.ssoFailed()))
                    .logout(logout -> logout.logoutSuccessHandler(signOut));
            String endSession = endSessionOrigin();
            if (endSession != null) {
                // Sign-out is a form whose answer redirects to the provider: the browser checks that
                // redirect against form-action.
                http.headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY.replace(
                                "form-action 'self'", "form-action 'self' " + endSession))));
            }
        }

        /** The origin of the provider's end-session endpoint, or {@code null} when it has none. */
        private @Nullable String endSessionOrigin() {
            ClientRegistration registration = registrations.findByRegistrationId(SignInMethods.Sso.REGISTRATION_ID);
            Object endpoint = registration == null
                    ? null
                    : registration
                            .getProviderDetails()
                            .getConfigurationMetadata()
                            .get("end_session_endpoint");
            if (endpoint == null) {
                return null;
            }
            URI uri = URI.create(endpoint.toString());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }
}
