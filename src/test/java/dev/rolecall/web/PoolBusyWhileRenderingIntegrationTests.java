package dev.rolecall.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A pool of one connection, taken by another thread after the controller returned and before the
 * view renders: whatever the page still needs from the database (the sign-in session written back
 * as the page is sent, a query from a template) waits the pool's timeout, and the page is answered
 * 503 with {@code Retry-After}, never a 500 or a page cut short.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.connection-timeout=1500"
        })
class PoolBusyWhileRenderingIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The request header that asks the test's interceptor to take the pool before the view renders. */
    static final String HOLD_POOL = "X-Test-Hold-Pool";

    @LocalServerPort
    int port;

    @Autowired
    PoolHolder holder;

    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @TestConfiguration
    static class HoldThePool implements WebMvcConfigurer {

        @Bean
        PoolHolder poolHolder(DataSource dataSource) {
            return new PoolHolder(dataSource);
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public void postHandle(
                        HttpServletRequest request,
                        HttpServletResponse response,
                        Object handler,
                        @Nullable ModelAndView view)
                        throws Exception {
                    PoolHolder holder = PoolHolder.instance.get();
                    // Once per request: not again when its busy page is rendered (an error dispatch).
                    if (holder != null
                            && request.getHeader(HOLD_POOL) != null
                            && request.getDispatcherType() == DispatcherType.REQUEST) {
                        holder.takeUntilTheResponseIsDone();
                    }
                }
            });
        }
    }

    /** Takes the pool's only connection on its own thread and keeps it longer than the pool's timeout. */
    static final class PoolHolder {

        static final AtomicReference<@Nullable PoolHolder> instance = new AtomicReference<>();

        private final DataSource dataSource;
        private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        private volatile CountDownLatch release = new CountDownLatch(1);
        private volatile boolean held;

        PoolHolder(DataSource dataSource) {
            this.dataSource = dataSource;
            instance.set(this);
        }

        /** Takes the connection until the test has read the response (at most 20 s). */
        void takeUntilTheResponseIsDone() throws InterruptedException {
            failure.set(null);
            held = false;
            CountDownLatch taken = new CountDownLatch(1);
            CountDownLatch released = new CountDownLatch(1);
            release = released;
            Thread thread = new Thread(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    held = connection.isValid(1);
                    taken.countDown();
                    released.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failure.set(e);
                    taken.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        }

        /** Gives the connection back, once the response has been read, and waits until the pool has it. */
        void waitUntilReleased() throws InterruptedException {
            release.countDown();
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void pagesAnswer503WhenThePoolIsTakenWhileTheyRender() throws Exception {
        signIn("carol", "demo");
        for (String path : new String[] {"/audit", "/requests", "/requests/new"}) {
            HttpResponse<String> normal = get(path, false);
            assertThat(normal.statusCode()).as(path).isEqualTo(200);

            HttpResponse<String> busy = get(path, true);

            assertThat(holder.failure.get())
                    .as("the holder took the pool's connection")
                    .isNull();
            assertThat(holder.held).isTrue();
            assertThat(busy.statusCode()).as(path).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).as(path).hasValue("1");
            holder.waitUntilReleased();
        }
    }

    /**
     * A reviewer's pages carry the nav's count of what waits on them, read from the database while
     * the layout renders: the busy page that replaces them does not wait for a connection again, and
     * says what happened.
     */
    @Test
    void aReviewersBusyPageSaysSoWithoutAskingTheDatabaseAgain() throws Exception {
        signIn("bob", "demo");
        HttpResponse<String> normal = get("/requests", false);
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(normal.body()).contains("id=\"nav-inbox\"");

        HttpResponse<String> busy = get("/requests", true);

        assertThat(holder.held).isTrue();
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(busy.body()).contains("Rolecall is busy").contains("Nothing was changed");
        holder.waitUntilReleased();
    }

    /**
     * The files every page loads (style, scripts, icon) never need the database: a signed-in browser
     * gets them at once while the pool is taken, so a busy moment never leaves a page unstyled.
     */
    @Test
    void staticFilesNeverWaitForThePool() throws Exception {
        signIn("alice", "demo");
        holder.takeUntilTheResponseIsDone();
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        try {
            for (String path : new String[] {
                "/css/rolecall.css", "/js/rolecall.js", "/webjars/htmx.org/dist/htmx.min.js", "/favicon.svg"
            }) {
                long start = System.nanoTime();
                HttpResponse<String> file = get(path, false);
                long millis = (System.nanoTime() - start) / 1_000_000;
                answers.put(path, file.statusCode() + (millis < 1_000 ? " at once" : " after " + millis + " ms"));
            }
        } finally {
            holder.waitUntilReleased();
        }
        assertThat(answers)
                .as("answered at once although every connection was taken")
                .allSatisfy((path, answer) -> assertThat(answer).isEqualTo("200 at once"));
    }

    private void signIn(String username, String password) throws Exception {
        HttpResponse<String> login = get("/login", false);
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
    }

    private HttpResponse<String> get(String path, boolean holdPool) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET();
        if (holdPool) {
            request.header(HOLD_POOL, "yes");
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
