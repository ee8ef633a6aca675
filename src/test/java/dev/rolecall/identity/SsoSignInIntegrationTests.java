package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.OidcHttpClient;
import dev.rolecall.test.SignsInWithTestProvider;
import dev.rolecall.test.TestIdentityProvider;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

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
        assertThat(landed.uri()).hasPort(port).hasPath("/requests");
        assertThat(landed.body()).contains("olivia").contains("href=\"/audit\"");
        // The next request reads the person back from the session in PostgreSQL.
        assertThat(browser.get("/audit").statusCode()).isEqualTo(200);
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
}
