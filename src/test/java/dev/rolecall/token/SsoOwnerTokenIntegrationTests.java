package dev.rolecall.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.OidcHttpClient;
import dev.rolecall.test.SignsInWithTestProvider;
import dev.rolecall.test.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tokens of people who exist only at the organisation's provider, over real HTTP with a real OpenID
 * Connect provider: such a token works with the roles the person's groups mapped to at their last
 * sign-in, its effective scopes shrink at the next call when those roles shrink, and it stops when
 * the provider no longer maps the person to any role or an admin disables them.
 */
class SsoOwnerTokenIntegrationTests extends SignsInWithTestProvider {

    private static final Pattern SECRET = Pattern.compile("rc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient api = HttpClient.newHttpClient();

    OidcHttpClient browser;

    @BeforeEach
    void browser() {
        browser = new OidcHttpClient(port);
    }

    @Test
    void aProviderPersonsTokenWorksAndItsScopesShrinkWithTheirRolesAtTheNextCall() throws Exception {
        browser.signIn("rita");
        String token = createOnThePage(browser, "rita pipeline", "scopes=requests:read&scopes=decisions:write");
        String decide = "/api/v1/role-requests/" + UUID.randomUUID() + "/decisions";

        assertThat(call("GET", "/api/v1/role-requests", token)).isEqualTo(200);
        assertThat(call("POST", decide, token)).isNotIn(401, 403);

        // Her next sign-in maps her groups to requester only: decisions:write no longer works.
        jdbc.update("UPDATE sso_person SET roles = '{REQUESTER}' WHERE username = 'rita'");
        try {
            assertThat(call("POST", decide, token)).isEqualTo(403);
            assertThat(call("GET", "/api/v1/role-requests", token)).isEqualTo(200);
        } finally {
            jdbc.update("UPDATE sso_person SET roles = '{REQUESTER,REVIEWER}' WHERE username = 'rita'");
        }
        assertThat(call("POST", decide, token)).isNotIn(401, 403);
    }

    @Test
    void whenTheProviderNoLongerMapsThePersonToAnyRoleTheirTokensStop() throws Exception {
        // nora once mapped to requester; a token of hers as it is stored.
        jdbc.update("""
                INSERT INTO sso_person (username, issuer, subject, team, roles, groups, first_signed_in_at,
                                        last_signed_in_at)
                VALUES ('nora', ?, 'nora', NULL, '{REQUESTER}', '{engineering}', now(), now())""", TestIdentityProvider.get().issuer());
        String token = "rc_0a0b0c0d_" + UUID.randomUUID()
                + UUID.randomUUID().toString().substring(0, 7);
        insertToken("nora", "rc_0a0b0c0d", token);
        try {
            assertThat(call("GET", "/api/v1/role-requests", token)).isEqualTo(200);

            HttpResponse<String> refused = browser.signIn("nora");

            assertThat(refused.uri().getPath()).isEqualTo("/login/refused");
            assertThat(call("GET", "/api/v1/role-requests", token)).isEqualTo(401);
            assertThat(jdbc.queryForObject(
                            "SELECT cardinality(roles) FROM sso_person WHERE username = 'nora'", Integer.class))
                    .isZero();
        } finally {
            jdbc.update("DELETE FROM api_token_address WHERE token_id IN"
                    + " (SELECT token_id FROM api_token WHERE owner = 'nora')");
            jdbc.update("DELETE FROM api_token WHERE owner = 'nora'");
            jdbc.update("DELETE FROM sso_person WHERE username = 'nora'");
        }
    }

    @Test
    void anAdminDisablesAProviderPersonTheirTokensStopAndTheyCannotSignIn() throws Exception {
        browser.signIn("paul");
        String token = createOnThePage(browser, "paul pipeline", "scopes=requests:read");
        OidcHttpClient admin = new OidcHttpClient(port);
        admin.signIn("olivia");
        assertThat(call("GET", "/api/v1/role-requests", token)).isEqualTo(200);

        HttpResponse<String> people = admin.get("/admin/people");
        assertThat(people.body()).contains("/admin/people/paul/disable");
        admin.postForm("/admin/people/paul/disable", people, "");
        try {
            assertThat(call("GET", "/api/v1/role-requests", token)).isEqualTo(401);
            HttpResponse<String> refused = new OidcHttpClient(port).signIn("paul");
            assertThat(refused.uri().getQuery()).isEqualTo("reason=disabled");
            assertThat(refused.body()).contains("an administrator has disabled your access");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM audit_event WHERE actor = 'olivia' AND action = 'person.disabled'"
                                    + " AND details::jsonb ->> 'username' = 'paul'",
                            Long.class))
                    .isPositive();
        } finally {
            HttpResponse<String> again = admin.get("/admin/people");
            admin.postForm("/admin/people/paul/enable", again, "");
        }
        assertThat(call("GET", "/api/v1/role-requests", token)).isEqualTo(200);
    }

    private static String createOnThePage(OidcHttpClient browser, String name, String scopes) throws Exception {
        HttpResponse<String> page = browser.get("/tokens");
        String expiry = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        HttpResponse<String> created = browser.postForm(
                "/tokens", page, "name=" + name.replace(' ', '+') + "&" + scopes + "&expiresAt=" + expiry);
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher secret = SECRET.matcher(created.body());
        assertThat(secret.find()).as("the new token on the page").isTrue();
        return secret.group();
    }

    private void insertToken(String owner, String prefix, String secret) {
        jdbc.update(
                "INSERT INTO api_token (token_id, owner, name, prefix, secret_hash, scopes, created_by, created_at,"
                        + " expires_at) VALUES (?, ?, 'stored', ?, ?, 'requests:read', ?, now(), now() + interval '1 day')",
                UUID.randomUUID(),
                owner,
                prefix,
                ApiTokenService.sha256(secret),
                owner);
    }

    private int call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request = "POST".equals(method)
                ? request.POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\",\"comment\":\"ok\"}"))
                : request.GET();
        return api.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
