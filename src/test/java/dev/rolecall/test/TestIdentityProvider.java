package dev.rolecall.test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server on a free loopback
 * port, in a Spring context of its own (no Rolecall beans, no auto-configuration), with a few
 * people and their groups. The ID token carries {@code preferred_username}, {@code groups} and
 * {@code team}. One provider serves the whole test JVM; it starts on first use.
 *
 * <p>People (password {@value #PASSWORD} for each): {@code olivia} in {@code rolecall-admins},
 * {@code rita} in {@code security-reviewers} (team security), {@code paul} in {@code engineering}
 * (team payments), {@code nora} only in {@code contractors} (which maps to nothing), and
 * {@code alice}, whose name is a local demo user's.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "rolecall";
    public static final String CLIENT_SECRET = "rolecall-test-secret";
    public static final String PASSWORD = "idp-password";

    /** Each person's groups and team. */
    static final Map<String, Person> PEOPLE = Map.of(
            "olivia", new Person(List.of("rolecall-admins", "everyone"), null),
            "rita", new Person(List.of("security-reviewers", "everyone"), "security"),
            "paul", new Person(List.of("engineering", "everyone"), "payments"),
            "nora", new Person(List.of("contractors", "everyone"), null),
            "alice", new Person(List.of("engineering"), "payments"));

    record Person(List<String> groups, String team) {}

    private static TestIdentityProvider started;

    private final AnnotationConfigServletWebServerApplicationContext context;
    private final String issuer;

    private TestIdentityProvider(AnnotationConfigServletWebServerApplicationContext context) {
        this.context = context;
        this.issuer = "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** The provider, started on first call. */
    public static synchronized TestIdentityProvider get() {
        if (started == null) {
            AnnotationConfigServletWebServerApplicationContext context =
                    new AnnotationConfigServletWebServerApplicationContext(Provider.class);
            started = new TestIdentityProvider(context);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return started;
    }

    /** The issuer URL, e.g. {@code http://127.0.0.1:41234}. */
    public String issuer() {
        return issuer;
    }

    /** Lets the provider send people back to this URL after RP-initiated logout. */
    public void allowPostLogoutRedirect(String uri) {
        InMemoryRegisteredClientRepository clients = context.getBean(InMemoryRegisteredClientRepository.class);
        RegisteredClient client = clients.findByClientId(CLIENT_ID);
        clients.save(RegisteredClient.from(client).postLogoutRedirectUri(uri).build());
    }

    /** The Rolecall properties that sign in through this provider. */
    public Map<String, String> rolecallProperties() {
        return Map.of(
                "rolecall.identity.sso.enabled", "true",
                "rolecall.identity.sso.name", "Test IdP",
                "rolecall.identity.sso.issuer-uri", issuer,
                "rolecall.identity.sso.client-id", CLIENT_ID,
                "rolecall.identity.sso.client-secret", CLIENT_SECRET,
                "rolecall.identity.sso.roles.ADMIN[0]", "rolecall-admins",
                "rolecall.identity.sso.roles.REVIEWER[0]", "security-reviewers",
                "rolecall.identity.sso.roles.REQUESTER[0]", "engineering");
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Provider {

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(java.net.InetAddress.getLoopbackAddress());
            return factory;
        }

        /** Everything is served by the security filters; Tomcat runs filters only in front of a servlet. */
        @Bean
        ServletRegistrationBean<HttpServlet> notFound() {
            return new ServletRegistrationBean<>(
                    new HttpServlet() {
                        @Override
                        protected void service(HttpServletRequest request, HttpServletResponse response)
                                throws IOException {
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                        }
                    },
                    "/");
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            InMemoryUserDetailsManager people = new InMemoryUserDetailsManager();
            PEOPLE.keySet()
                    .forEach(name -> people.createUser(User.withUsername(name)
                            .password("{noop}" + PASSWORD)
                            .roles("PERSON")
                            .build()));
            return people;
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(
                    RegisteredClient.withId(UUID.randomUUID().toString())
                            .clientId(CLIENT_ID)
                            .clientSecret("{noop}" + CLIENT_SECRET)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri("http://127.0.0.1/login/oauth2/code/sso")
                            .scope(OidcScopes.OPENID)
                            .scope(OidcScopes.PROFILE)
                            .scope(OidcScopes.EMAIL)
                            .clientSettings(ClientSettings.builder()
                                    .requireAuthorizationConsent(false)
                                    .build())
                            .build());
        }

        /** The ID token names the person and lists their groups and team. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsInIdToken() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String name = context.getPrincipal().getName();
                    Person person = PEOPLE.get(name);
                    context.getClaims().claim("preferred_username", name);
                    if (person != null) {
                        context.getClaims().claim("groups", person.groups());
                        if (person.team() != null) {
                            context.getClaims().claim("team", person.team());
                        }
                    }
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder idTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
