package dev.rolecall.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a screen, for sign-in through {@link TestIdentityProvider}: the JDK's HTTP
 * client with a cookie jar, following redirects from Rolecall to the provider and back, as a
 * browser does.
 */
public final class OidcHttpClient {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String rolecall;

    /** A client with an empty cookie jar for the Rolecall on this local port. */
    public OidcHttpClient(int port) {
        this.rolecall = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Chooses "Sign in with …" on Rolecall's sign-in page, signs in at the provider's own page as
     * this person, and returns the page the redirects end on.
     */
    public HttpResponse<String> signIn(String person) throws IOException, InterruptedException {
        HttpResponse<String> providerLogin = get("/oauth2/authorization/sso");
        if (!providerLogin.uri().getPath().equals("/login")
                || providerLogin.uri().getPort() == URI.create(rolecall).getPort()) {
            throw new AssertionError("expected the provider's sign-in page, got " + providerLogin.uri());
        }
        return post(
                providerLogin.uri(),
                "username=" + person + "&password=" + TestIdentityProvider.PASSWORD + "&_csrf="
                        + csrf(providerLogin.body()));
    }

    /** GET a path of Rolecall, following redirects. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(rolecall + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST a form to a path of Rolecall with the CSRF token of {@code page}, following redirects. */
    public HttpResponse<String> postForm(String path, HttpResponse<String> page, String form)
            throws IOException, InterruptedException {
        String body = "_csrf=" + URLEncoder.encode(csrf(page.body()), StandardCharsets.UTF_8)
                + (form.isEmpty() ? "" : "&" + form);
        return post(URI.create(rolecall + path), body);
    }

    private HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the first form on a page. */
    public static String csrf(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        if (!input.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new AssertionError("no value in " + input.group());
        }
        return value.group(1);
    }
}
