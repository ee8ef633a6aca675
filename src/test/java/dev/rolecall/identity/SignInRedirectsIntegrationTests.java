package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, with headers a browser would never send: no redirect repeats the request's
 * {@code Host} header, the session cookie is {@code Secure} when a proxy says the request came
 * over HTTPS, and the actuator shows itself only to admins.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInRedirectsIntegrationTests {

    static final String EVIL_HOST = "Host: evil.example";

    @LocalServerPort
    int port;

    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void aPageThatNeedsSignInRedirectsToTheLoginPathNotToTheHostItWasCalledAs() throws Exception {
        RawHttp.Response response = http.get("/requests", EVIL_HOST);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).hasValue("/login");
    }

    @Test
    void afterSignInTheRedirectBackToTheAskedPageIsAPath() throws Exception {
        RawHttp.Response asked = http.get("/requests?status=IN_REVIEW", EVIL_HOST);
        String cookie = "Cookie: " + asked.sessionCookie().orElseThrow();
        RawHttp.Response login = http.get("/login", EVIL_HOST, cookie);

        RawHttp.Response signedIn =
                http.postForm("/login", "username=alice&password=demo&_csrf=" + login.csrfToken(), EVIL_HOST, cookie);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location").orElseThrow())
                .startsWith("/requests?status=IN_REVIEW")
                .doesNotContain("evil.example");
    }

    @Test
    void aFailedSignInRedirectsToTheLoginPath() throws Exception {
        RawHttp.Response login = http.get("/login");
        String cookie = "Cookie: " + login.sessionCookie().orElseThrow();

        RawHttp.Response failed = http.postForm(
                "/login",
                "username=nobody-redirect&password=wrong&_csrf=" + login.csrfToken(),
                EVIL_HOST,
                cookie,
                "X-Forwarded-For: 198.51.100.7");

        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.header("Location")).hasValue("/login?error");
    }

    @Test
    void controllersAndSignOutRedirectToPaths() throws Exception {
        String session = "Cookie: " + signIn("alice");

        RawHttp.Response home = http.get("/", EVIL_HOST, session);
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).hasValue("/requests");

        String csrf = http.get("/requests", session).csrfToken();
        RawHttp.Response signedOut = http.postForm("/logout", "_csrf=" + csrf, EVIL_HOST, session);
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location")).hasValue("/login?signedOut");
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysTheRequestCameOverHttps() throws Exception {
        RawHttp.Response overHttps = http.get("/login", "X-Forwarded-Proto: https");
        RawHttp.Response overHttp = http.get("/login");

        assertThat(overHttps.sessionCookieLine().orElseThrow()).containsIgnoringCase("; Secure");
        assertThat(overHttp.sessionCookieLine().orElseThrow()).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void theActuatorListsItsEndpointsOnlyToAdmins() throws Exception {
        RawHttp.Response anonymous = http.get("/actuator");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).hasValue("/login");

        assertThat(http.get("/actuator", "Cookie: " + signIn("alice")).status()).isEqualTo(403);
        assertThat(http.get("/actuator", "Cookie: " + signIn("bob")).status()).isEqualTo(403);

        RawHttp.Response admin = http.get("/actuator", "Cookie: " + signIn("dave"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("\"health\"");
    }

    @Test
    void healthIsPublicWithDetailsOnlyForAdmins() throws Exception {
        RawHttp.Response anonymous = http.get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");

        RawHttp.Response requester = http.get("/actuator/health", "Cookie: " + signIn("alice"));
        assertThat(requester.body()).doesNotContain("components");

        RawHttp.Response admin = http.get("/actuator/health", "Cookie: " + signIn("dave"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("\"components\"", "\"db\"", "\"scheduler\"");
    }

    @Test
    void prometheusMetricsAreForAdminsOnly() throws Exception {
        RawHttp.Response anonymous = http.get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(http.get("/actuator/prometheus", "Cookie: " + signIn("alice"))
                        .status())
                .isEqualTo(403);

        RawHttp.Response admin = http.get("/actuator/prometheus", "Cookie: " + signIn("dave"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("rolecall_jobs_waiting", "rolecall_jobs_oldest_waiting_seconds");
        // Requests are observed whole, not once more per security filter and per access decision.
        assertThat(admin.body())
                .contains("http_server_requests_seconds_count")
                .doesNotContain("spring_security_filterchains", "spring_security_authorizations");
    }

    /** Signs in through the form; returns the new session's cookie. */
    private String signIn(String username) throws Exception {
        RawHttp.Response login = http.get("/login");
        String cookie = "Cookie: " + login.sessionCookie().orElseThrow();
        RawHttp.Response signedIn =
                http.postForm("/login", "username=" + username + "&password=demo&_csrf=" + login.csrfToken(), cookie);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location").orElseThrow()).doesNotContain("error");
        return signedIn.sessionCookie().orElseThrow();
    }
}
