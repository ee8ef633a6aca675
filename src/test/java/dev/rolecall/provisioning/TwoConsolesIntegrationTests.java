package dev.rolecall.provisioning;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rolecall.RolecallApplication;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.TestDatabase;
import dev.rolecall.test.UsesMoto;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Several consoles on one PostgreSQL and one IAM emulator (moto): this test's application context
 * is console A, a second {@link SpringApplication} in the same JVM is console B, and a console in a
 * JVM of its own is killed in the middle of an apply. Every job runs exactly once, and a job whose
 * console died is finished by another.
 */
@RolecallIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@UsesMoto
@Import(TwoConsolesIntegrationTests.Faults.class)
class TwoConsolesIntegrationTests {

    /** moto's default account, which applies. */
    static final String ACCOUNT = "123456789012";

    private static ConfigurableApplicationContext consoleB;
    private static final IamFaults FAULTS_B = new IamFaults();

    @TestConfiguration
    static class Faults {

        @Bean
        IamFaults iamFaults() {
            return new IamFaults();
        }
    }

    /** What every console here shares besides the database: the account, and quick job takeover. */
    static Map<String, Object> consoleProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rolecall.accounts[0].id", ACCOUNT);
        properties.put("rolecall.accounts[0].name", "payments-dev");
        properties.put("rolecall.accounts[0].region", "us-east-1");
        properties.put(
                "rolecall.accounts[0].endpoint", MotoServer.shared().endpoint().toString());
        properties.put("rolecall.accounts[0].mode", "APPLY");
        properties.put("rolecall.provisioning.calls-per-second", "100");
        properties.put("rolecall.provisioning.jobs.polling-interval", "500ms");
        properties.put("rolecall.provisioning.jobs.heartbeat-interval", "1s");
        properties.put("rolecall.provisioning.jobs.missed-heartbeats", "6");
        return properties;
    }

    @DynamicPropertySource
    static void consoleA(DynamicPropertyRegistry registry) {
        consoleProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    RoleRequestService requestsA;

    @Autowired
    IamFaults faultsA;

    @Autowired
    Jobs jobsA;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int portA;

    private final IamClient moto = MotoServer.shared().iamClient();

    @BeforeAll
    static void startConsoleB() {
        Map<String, Object> properties = new LinkedHashMap<>(databaseProperties());
        properties.putAll(consoleProperties());
        properties.put("server.port", "0");
        consoleB = new SpringApplicationBuilder(RolecallApplication.class)
                .initializers(context -> {
                    context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new MapPropertySource("consoleB", properties));
                    context.getBeanFactory().registerSingleton("iamFaults", FAULTS_B);
                })
                .run();
    }

    @AfterAll
    static void stopConsoleB() {
        if (consoleB != null) {
            consoleB.close();
        }
    }

    /** The shared test database, as the test configuration gives it to console A. */
    static Map<String, Object> databaseProperties() {
        TestDatabase.Connection db = TestDatabase.connection();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        properties.put("spring.flyway.user", db.ownerUsername());
        properties.put("spring.flyway.password", db.ownerPassword());
        properties.put("rolecall.database.embedded", "false");
        return properties;
    }

    @Test
    void aHundredApprovalsThroughTwoConsolesApplyEachRequestExactlyOnce() throws Exception {
        RoleRequestService requestsB = consoleB.getBean(RoleRequestService.class);
        List<RoleRequestId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            RoleRequestService via = i % 2 == 0 ? requestsA : requestsB;
            ids.add(via.submit(new SubmitRoleRequest(spec("twin-" + i), "Reads reports", Map.of()), ALICE)
                    .id());
        }
        faultsA.clear();
        FAULTS_B.clear();

        ExecutorService reviewers = Executors.newFixedThreadPool(8);
        List<Future<?>> approvals = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            RoleRequestService via = i % 2 == 0 ? requestsA : requestsB;
            RoleRequestId id = ids.get(i);
            approvals.add(reviewers.submit(() -> via.decide(id, null, DecisionType.APPROVE, "Fine", BOB)));
        }
        for (Future<?> approval : approvals) {
            approval.get();
        }
        reviewers.shutdown();

        await().atMost(Duration.ofMinutes(3))
                .until(() ->
                        ids.stream().allMatch(id -> requestsA.get(id, ALICE).status() == RoleRequestStatus.APPLIED));

        // One accepted CreateRole per request, and both consoles applied some of them.
        assertThat(faultsA.accepted("CreateRole") + FAULTS_B.accepted("CreateRole"))
                .isEqualTo(100);
        assertThat(faultsA.accepted("CreateRole")).isPositive();
        assertThat(FAULTS_B.accepted("CreateRole")).isPositive();
        Map<String, Integer> created = new java.util.HashMap<>(faultsA.rolesCreated());
        FAULTS_B.rolesCreated().forEach((name, count) -> created.merge(name, count, Integer::sum));
        assertThat(created)
                .hasSize(100)
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        List<Role> roles = new ArrayList<>();
        moto.listRolesPaginator().roles().forEach(roles::add);
        assertThat(roles)
                .filteredOn(role -> role.roleName().startsWith("twin-"))
                .hasSize(100);
        // Each request: its three calls recorded once each, and one APPLIED audit event.
        Object[] requestIds = ids.stream().map(RoleRequestId::value).toArray();
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM role_request_apply_step WHERE request_id IN (" + in + ")",
                        Integer.class,
                        requestIds))
                .isEqualTo(300);
        assertThat(jdbc.queryForList(
                        "SELECT request_id FROM role_request_apply_step WHERE request_id IN (" + in
                                + ") GROUP BY request_id, call_name, parameters_json HAVING count(*) > 1",
                        requestIds))
                .isEmpty();
        assertThat(jdbc.queryForList(
                        "SELECT request_id FROM audit_event WHERE action = 'apply.applied' AND request_id IN (" + in
                                + ") GROUP BY request_id HAVING count(*) = 1",
                        requestIds))
                .hasSize(100);
        moto.close();
    }

    @Test
    void aJobWhoseConsoleDiedAfterCreateRoleIsFinishedByAnotherWithEachStepRecordedOnce(@TempDir Path temp)
            throws Exception {
        RoleRequestView filed =
                requestsA.submit(new SubmitRoleRequest(spec("phoenix"), "Reads reports", Map.of()), ALICE);
        Jobs jobsB = consoleB.getBean(Jobs.class);
        Process doomed = startConsoleThatHaltsAfter("CreateRole", temp.resolve("doomed.log"));
        try {
            // Only the doomed console takes jobs while the request is approved.
            jobsA.stop();
            jobsB.stop();
            requestsA.decide(filed.id(), null, DecisionType.APPROVE, "Fine", BOB);

            await("the doomed console to halt after CreateRole")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !doomed.isAlive());
            assertThat(doomed.exitValue()).isEqualTo(137);
            RoleRequestView halted = requestsA.get(filed.id(), ALICE);
            assertThat(halted.status()).isEqualTo(RoleRequestStatus.APPLYING);
            assertThat(halted.applySteps()).isEmpty();
            assertThat(moto.getRole(r -> r.roleName("phoenix")).role().tags())
                    .anySatisfy(
                            tag -> assertThat(tag.value()).isEqualTo(filed.id().toString()));
        } finally {
            doomed.destroyForcibly();
            jobsA.start();
            jobsB.start();
        }

        RoleRequestView applied = await().atMost(Duration.ofSeconds(60))
                .until(() -> requestsA.get(filed.id(), ALICE), view -> view.status() == RoleRequestStatus.APPLIED);

        assertThat(applied.applySteps())
                .extracting(step -> step.call() + " " + step.status())
                .containsExactly("CreateRole SUCCEEDED", "PutRolePolicy SUCCEEDED", "AttachRolePolicy SUCCEEDED");
        assertThat(applied.roleArn())
                .isEqualTo(moto.getRole(r -> r.roleName("phoenix")).role().arn());
        assertThat(moto.listRolePolicies(r -> r.roleName("phoenix")).policyNames())
                .containsExactly("read-reports");
        assertThat(moto.listAttachedRolePolicies(r -> r.roleName("phoenix")).attachedPolicies())
                .hasSize(1);
        moto.close();
    }

    @Test
    void aSessionSignedInOnOneConsoleIsValidOnTheOtherAndSigningOutThereEndsItOnBoth() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String a = "http://localhost:" + portA;
        String b = "http://localhost:"
                + ((WebServerApplicationContext) consoleB).getWebServer().getPort();

        HttpResponse<String> loginPage =
                http.send(HttpRequest.newBuilder(URI.create(a + "/login")).build(), BodyHandlers.ofString());
        String anonymous = sessionCookie(loginPage);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(a + "/login"))
                        .header("Cookie", anonymous)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString("username=alice&password=demo&_csrf=" + csrf(loginPage.body())))
                        .build(),
                BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = sessionCookie(signedIn);

        HttpResponse<String> pageOnB = http.send(
                HttpRequest.newBuilder(URI.create(b + "/requests"))
                        .header("Cookie", session)
                        .build(),
                BodyHandlers.ofString());
        assertThat(pageOnB.statusCode()).isEqualTo(200);
        assertThat(pageOnB.body()).contains("alice");
        HttpResponse<String> withoutSession =
                http.send(HttpRequest.newBuilder(URI.create(b + "/requests")).build(), BodyHandlers.ofString());
        assertThat(withoutSession.statusCode()).isEqualTo(302);

        HttpResponse<String> signedOut = http.send(
                HttpRequest.newBuilder(URI.create(b + "/logout"))
                        .header("Cookie", session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString("_csrf=" + csrf(pageOnB.body())))
                        .build(),
                BodyHandlers.ofString());
        assertThat(signedOut.headers().firstValue("Location")).hasValue("/login?signedOut");
        HttpResponse<String> afterSignOut = http.send(
                HttpRequest.newBuilder(URI.create(a + "/requests"))
                        .header("Cookie", session)
                        .build(),
                BodyHandlers.ofString());
        assertThat(afterSignOut.statusCode()).isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location")).hasValue("/login");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(line -> line.startsWith("SESSION="))
                .map(line -> line.split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String csrf(String page) {
        Matcher matcher =
                Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    /** A console in a JVM of its own, on the same database and moto, that halts after the call. */
    private Process startConsoleThatHaltsAfter(String call, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.accessKeyId=" + MotoServer.TEST_ACCESS_KEY_ID,
                "-Daws.secretAccessKey=" + MotoServer.TEST_SECRET_ACCESS_KEY,
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                RolecallApplication.class.getName()));
        Map<String, Object> properties = new LinkedHashMap<>(databaseProperties());
        properties.putAll(consoleProperties());
        properties.put("server.port", "0");
        properties.put("rolecall.provisioning.jobs.halt-after-call", call);
        // Outside the embedded demo the reviewer groups are the installation's to name: the default route's.
        properties.put("rolecall.routing.groups.security", "bob,erin");
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process console = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await("the doomed console to start")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !console.isAlive() || Files.readString(log).contains("Started RolecallApplication"));
        assertThat(console.isAlive()).as(() -> read(log)).isTrue();
        return console;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A role of three calls: CreateRole, one inline policy, one managed policy. */
    static RoleSpec spec(String roleName) {
        RoleSpec full = TestSpecs.full(ACCOUNT, roleName);
        return new RoleSpec(
                ACCOUNT,
                roleName,
                "/",
                null,
                full.trustPolicy(),
                List.of(TestSpecs.READ_ONLY),
                Map.of("read-reports", full.inlinePolicies().get("read-reports")),
                null,
                RoleSpec.DEFAULT_SESSION_SECONDS,
                Map.of(),
                null);
    }
}
