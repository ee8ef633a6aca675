package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Throttling over real HTTP: the client address comes from {@code X-Forwarded-For} sent by a
 * loopback proxy, failures and refusals land in the audit trail, and no password does.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInThrottlingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
        jdbc.update("DELETE FROM sign_in_bucket");
    }

    @AfterEach
    void forgetFailures() {
        jdbc.update("DELETE FROM sign_in_bucket");
    }

    @Test
    void theSixthBasicSignInIsRefusedWith429AndEveryStepIsAudited() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("carol", "hunter2-" + i).status()).isEqualTo(401);
        }
        RawHttp.Response refused = basic("carol", "demo");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(150L, 180L);
        assertThat(refused.body()).contains("Too many failed sign-ins. Try again in 3 minutes.");

        List<Map<String, Object>> audited = jdbc.queryForList(
                "SELECT action, details FROM audit_event WHERE actor = 'carol' AND action LIKE 'sign_in.%' "
                        + "AND details LIKE '%203.0.113.80%' ORDER BY event_id");
        assertThat(audited)
                .extracting(row -> row.get("action"))
                .containsExactly(
                        "sign_in.failed",
                        "sign_in.failed",
                        "sign_in.failed",
                        "sign_in.failed",
                        "sign_in.failed",
                        "sign_in.throttled");
        assertThat(audited)
                .allSatisfy(row -> assertThat((String) row.get("details"))
                        .contains("\"clientAddress\":\"203.0.113.80\"", "\"channel\":\"api\"")
                        .doesNotContain("hunter2")
                        .doesNotContain("demo"));
    }

    @Test
    void theFormSaysWhenToTryAgain() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(formSignIn("bob", "wrong-" + i).header("Location")).hasValue("/login?error");
        }
        RawHttp.Response login = http.get("/login", "X-Forwarded-For: 203.0.113.81");
        String cookie = "Cookie: " + login.sessionCookie().orElseThrow();
        RawHttp.Response refused = http.postForm(
                "/login",
                "username=bob&password=demo&_csrf=" + login.csrfToken(),
                cookie,
                "X-Forwarded-For: 203.0.113.81");
        assertThat(refused.header("Location")).hasValue("/login?throttled");

        RawHttp.Response page = http.get("/login?throttled", cookie, "X-Forwarded-For: 203.0.113.81");
        assertThat(page.body()).contains("Too many failed sign-ins. Try again in 3 minutes.");
    }

    private RawHttp.Response basic(String username, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
        return http.get(
                "/api/v1/role-requests", "Authorization: Basic " + credentials, "X-Forwarded-For: 203.0.113.80");
    }

    private RawHttp.Response formSignIn(String username, String password) throws Exception {
        RawHttp.Response login = http.get("/login", "X-Forwarded-For: 203.0.113.81");
        String cookie = "Cookie: " + login.sessionCookie().orElseThrow();
        return http.postForm(
                "/login",
                "username=" + username + "&password=" + password + "&_csrf=" + login.csrfToken(),
                cookie,
                "X-Forwarded-For: 203.0.113.81");
    }
}
