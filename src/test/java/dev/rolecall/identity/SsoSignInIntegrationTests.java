package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.test.OidcHttpClient;
import dev.rolecall.test.PassRoleRequests;
import dev.rolecall.test.SignsInWithTestProvider;
import dev.rolecall.test.TestIdentityProvider;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sign-in through a real OpenID Connect provider ({@link TestIdentityProvider}, Spring
 * Authorization Server on its own port) over real HTTP: the provider's groups become Rolecall
 * roles, a person whose groups map to nothing gets the "ask your administrator" page, the signed-in
 * person survives in the session that Spring Session keeps in PostgreSQL, and sign-out ends the
 * provider's session too.
 */
class SsoSignInIntegrationTests extends SignsInWithTestProvider {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoleRequestService requests;

    OidcHttpClient browser;

    @BeforeEach
    void browser() {
        browser = new OidcHttpClient(port);
    }

    @Test
    void theSignInPageOffersTheProviderByName() throws Exception {
        HttpResponse<String> login = browser.get("/login");

        assertThat(login.body()).contains("Sign in with Test IdP").contains("/oauth2/authorization/sso");
    }

    @Test
    void aPersonInTheAdminGroupLandsAsAnAdmin() throws Exception {
        HttpResponse<String> landed = browser.signIn("olivia");

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri()).hasPort(port).hasPath("/dashboard");
        assertThat(landed.body()).contains("olivia").contains("href=\"/audit\"");
        // The next request reads the person back from the session in PostgreSQL.
        assertThat(browser.get("/audit").statusCode()).isEqualTo(200);
        assertThat(latest("olivia", "sign_in.succeeded"))
                .contains("\"channel\":\"sso\"")
                .contains("\"groups\":[\"rolecall-admins\",\"everyone\"]")
                .contains("\"roles\":[\"ADMIN\",\"REQUESTER\"]");
    }

    @Test
    void thePeoplePageShowsWhoSignedInWithTheirRolesTeamAndGroupsAsLastSeen() throws Exception {
        new OidcHttpClient(port).signIn("rita");
        browser.signIn("olivia");

        HttpResponse<String> people = browser.get("/admin/people");

        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(people.body())
                .contains("<td>rita</td>")
                .contains("security-reviewers, everyone")
                .contains("<td>security</td>")
                .contains(">reviewer<");
    }

    @Test
    void anAdminsViewOfSomeoneElsesRequestIsRecordedOncePerSession() throws Exception {
        RoleRequestView filed = PassRoleRequests.file(requests, "sso-admin-view");
        browser.signIn("olivia");

        assertThat(browser.get("/requests/" + filed.id()).statusCode()).isEqualTo(200);
        assertThat(browser.get("/requests/" + filed.id()).statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where actor = 'olivia' and action = 'admin.viewed_request'"
                                + " and request_id = ?",
                        Long.class,
                        filed.id().value()))
                .isEqualTo(1L);
    }

    @Test
    void aReviewerGroupGivesTheInboxButNotTheAuditTrail() throws Exception {
        browser.signIn("rita");

        assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
        assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void aPersonWhoseGroupsMapToNothingIsToldToAskTheirAdministrator() throws Exception {
        HttpResponse<String> refused = browser.signIn("nora");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.uri().getPath()).isEqualTo("/login/refused");
        assertThat(refused.body())
                .contains("none of your groups gives you a role in Rolecall")
                .contains("Ask your administrator");
        assertThat(browser.get("/requests").uri().getPath()).isEqualTo("/login");
        assertThat(latest("nora", "sign_in.refused"))
                .contains("\"reason\":\"no_mapped_role\"")
                .contains("contractors");
    }

    @Test
    void aProviderPersonCannotTakeALocalUsersName() throws Exception {
        HttpResponse<String> refused = browser.signIn("alice");

        assertThat(refused.uri().getPath()).isEqualTo("/login/refused");
        assertThat(refused.uri().getQuery()).isEqualTo("reason=name-taken");
        assertThat(browser.get("/requests").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void signingOutEndsTheProvidersSessionAndComesBackToTheSignInPage() throws Exception {
        TestIdentityProvider.get().allowPostLogoutRedirect("http://127.0.0.1:" + port + "/login?signedOut");
        HttpResponse<String> landed = browser.signIn("paul");

        HttpResponse<String> signedOut = browser.postForm("/logout", landed, "");

        assertThat(signedOut.uri().getPort()).isEqualTo(port);
        assertThat(signedOut.uri().getPath()).isEqualTo("/login");
        assertThat(signedOut.uri().getQuery()).isEqualTo("signedOut");
        assertThat(browser.get("/requests").uri().getPath()).isEqualTo("/login");
        // The provider's session ended too: choosing the provider again asks for a password.
        HttpResponse<String> again = browser.get("/oauth2/authorization/sso");
        assertThat(again.uri().getPort()).isNotEqualTo(port);
        assertThat(again.uri().getPath()).isEqualTo("/login");
    }

    /** The details of the newest audit event of this actor and action. */
    private String latest(String actor, String action) {
        return jdbc.queryForObject(
                "select details from audit_event where actor = ? and action = ? order by event_id desc limit 1",
                String.class,
                actor,
                action);
    }
}
