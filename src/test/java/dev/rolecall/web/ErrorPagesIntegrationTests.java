package dev.rolecall.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP, through the servlet container's error handling: pages stay pages. */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void aSignedInPersonGetsTheNotFoundPageForAnUnknownRouteAndForErrorItself() throws Exception {
        signIn("alice", "demo");

        HttpResponse<String> unknown = get("/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(unknown.body()).contains("<h1>Not found</h1>").doesNotContain("\"timestamp\"");

        HttpResponse<String> error = get("/error");
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).contains("<h1>Not found</h1>");
    }

    private void signIn(String username, String password) throws Exception {
        HttpResponse<String> login = get("/login");
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
