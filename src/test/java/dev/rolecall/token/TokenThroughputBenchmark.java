package dev.rolecall.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.OidcHttpClient;
import dev.rolecall.test.RolecallIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An API call with a token next to the same call with HTTP Basic and a page view with a session,
 * against a running console over real HTTP: 16 client threads for 10 seconds each (after 3 seconds
 * of warm-up), printing requests per second, p50 and p99 and the machine's load ({@code uptime}).
 * Run with {@code ./mvnw -Pbench test -Dtest=TokenThroughputBenchmark}; {@code bench/load.sh} does
 * the same with wrk against a console started by hand.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenThroughputBenchmark {

    private static final int CLIENTS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration RUN = Duration.ofSeconds(10);
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void tokenCallsNextToBasicCallsAndPageViews() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + token(plain, basic);
        HttpClient session = signedIn("alice");

        System.out.println("BENCH load before: " + uptime());
        report("API list, token (Bearer)", plain, request("/api/v1/role-requests", bearer));
        report("API list, HTTP Basic", plain, request("/api/v1/role-requests", basic));
        report("page view, session", session, request("/requests", null));
    }

    private HttpRequest request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.GET().build();
    }

    private void report(String name, HttpClient client, HttpRequest request) throws Exception {
        assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        run(client, request, WARM_UP);
        long[] latencies = run(client, request, RUN);
        Arrays.sort(latencies);
        System.out.printf(
                "BENCH %-26s %,8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (%d clients, %d s); load %s%n",
                name,
                latencies.length / (double) RUN.toSeconds(),
                latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6,
                CLIENTS,
                RUN.toSeconds(),
                uptime());
    }

    /** Each client's latencies in nanoseconds, all clients together; every answer must be 200. */
    private static long[] run(HttpClient client, HttpRequest request, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Callable<long[]>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(() -> {
                    long[] times = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = client.send(request, HttpResponse.BodyHandlers.ofByteArray())
                                .statusCode();
                        if (status != 200) {
                            throw new IllegalStateException(request.uri() + " answered " + status);
                        }
                        if (n == times.length) {
                            times = Arrays.copyOf(times, n * 2);
                        }
                        times[n++] = System.nanoTime() - start;
                    }
                    return Arrays.copyOf(times, n);
                });
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> done : pool.invokeAll(clients)) {
                all.add(done.get());
            }
            return all.stream().flatMapToLong(Arrays::stream).toArray();
        } finally {
            pool.shutdown();
        }
    }

    private String token(HttpClient client, String basic) throws Exception {
        String expires = Instant.now()
                .plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"scopes\":[\"requests:read\"],"
                                + "\"expiresAt\":\"" + expires + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(created.body());
        assertThat(token.find()).as(created.body()).isTrue();
        return token.group(1);
    }

    /** A client whose cookie jar holds a signed-in session of this demo user. */
    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String form = "username=" + user + "&password=demo&_csrf="
                + URLEncoder.encode(OidcHttpClient.csrf(login.body()), StandardCharsets.UTF_8);
        HttpResponse<String> landed = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landed.uri().getPath()).isEqualTo("/requests");
        return client;
    }

    private static String uptime() {
        try {
            Process process =
                    new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes()).strip();
        } catch (java.io.IOException e) {
            return "uptime unavailable";
        }
    }
}
