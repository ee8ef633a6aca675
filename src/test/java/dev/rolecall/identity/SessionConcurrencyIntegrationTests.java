package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over real HTTP: the session's CSRF token is stored by the sign-in itself, and many pages of one
 * session opened at the same moment right after sign-in all load.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionConcurrencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private String signIn(RawHttp http) throws Exception {
        RawHttp.Response login = http.get("/login");
        String cookie = "Cookie: " + login.sessionCookie().orElseThrow();
        RawHttp.Response signedIn =
                http.postForm("/login", "username=alice&password=demo&_csrf=" + login.csrfToken(), cookie);
        assertThat(signedIn.status()).isEqualTo(302);
        return signedIn.sessionCookie().orElseThrow();
    }

    @Test
    void signInStoresTheSessionsNewCsrfToken() throws Exception {
        String cookie = signIn(new RawHttp(port));
        // The cookie carries the session id in Base64.
        String sessionId = new String(
                Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)), StandardCharsets.US_ASCII);

        long tokens = JdbcClient.create(dataSource)
                .sql("""
                        SELECT count(*) FROM spring_session_attributes a
                        JOIN spring_session s ON s.primary_id = a.session_primary_id
                        WHERE s.session_id = ? AND a.attribute_name LIKE '%CSRF_TOKEN'""")
                .param(sessionId)
                .query(Long.class)
                .single();
        assertThat(tokens).isEqualTo(1);
    }

    @Test
    void pagesOfOneSessionOpenedAtOnceAfterSignInAllLoad() throws Exception {
        RawHttp http = new RawHttp(port);
        String cookie = "Cookie: " + signIn(http);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> pages = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Callable<Integer> page =
                        () -> new RawHttp(port).get("/requests", cookie).status();
                pages.add(pool.submit(page));
            }
            for (Future<Integer> page : pages) {
                assertThat(page.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
