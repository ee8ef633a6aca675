package dev.rolecall.provisioning;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.awaitility.Awaitility.await;

import dev.rolecall.RolecallApplication;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.MotoServer;
import io.github.bucket4j.Bucket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Prints the numbers of durable apply jobs (not a test: run with {@code ./mvnw -Pbench test
 * -Dtest=ApplyJobsBenchmark}). Two consoles on the shared test PostgreSQL and one moto server:
 *
 * <ol>
 *   <li>100 approvals through both consoles at once: wall time until all are APPLIED, CreateRole
 *       calls moto accepted, and role names created more than once;
 *   <li>apply overhead: a console's wall time for one request's three calls (first call sent to
 *       last step recorded) against the same three calls made directly with the SDK, median of 20;
 *   <li>approval commit to the first IAM call, p50 and p99 over 100 approvals made one at a time
 *       (idle consoles).
 * </ol>
 *
 * <p>The approvals made one at a time are {@link #IDLE_PAUSE} apart, so that each is measured on
 * idle consoles with the account's rate limit full.
 */
class ApplyJobsBenchmark {

    private static final IamFaults COUNTS_A = new IamFaults();
    private static final IamFaults COUNTS_B = new IamFaults();
    private static final FirstCalls FIRST_CALLS = new FirstCalls();
    private static final Duration IDLE_PAUSE = Duration.ofMillis(400);
    private static ConfigurableApplicationContext consoleA;
    private static ConfigurableApplicationContext consoleB;

    /**
     * When each role's first CreateRole attempt left the JVM, and when each call of a role was sent
     * and answered (by role and action: where an apply's time goes).
     */
    static final class FirstCalls implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {

        final Map<String, Instant> sent = new ConcurrentHashMap<>();
        final Map<String, Instant> callSent = new ConcurrentHashMap<>();
        final Map<String, Instant> callAnswered = new ConcurrentHashMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof CreateRoleRequest create) {
                sent.putIfAbsent(create.roleName(), Instant.now());
            }
            String key = key(context.request());
            if (key != null) {
                callSent.putIfAbsent(key, Instant.now());
            }
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            String key = key(context.request());
            if (key != null) {
                callAnswered.put(key, Instant.now());
            }
        }

        private static @Nullable String key(SdkRequest request) {
            return request.getValueForField("RoleName", String.class)
                    .map(role -> role + "/" + request.getClass().getSimpleName())
                    .orElse(null);
        }

        /** Microseconds from one instant to another. */
        static long micros(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1000;
        }
    }

    @BeforeAll
    static void startConsoles() {
        MotoServer.shared().reset();
        consoleA = start("benchA", COUNTS_A);
        consoleB = start("benchB", COUNTS_B);
    }

    @AfterAll
    static void stopConsoles() {
        consoleB.close();
        consoleA.close();
    }

    private static ConfigurableApplicationContext start(String name, IamFaults counts) {
        Map<String, Object> properties = new LinkedHashMap<>(TwoConsolesIntegrationTests.databaseProperties());
        properties.putAll(TwoConsolesIntegrationTests.consoleProperties());
        properties.put("server.port", "0");
        properties.put("logging.level.dev.rolecall", "WARN");
        properties.put("logging.level.com.github.kagkarlsson", "WARN");
        return new SpringApplicationBuilder(RolecallApplication.class)
                .initializers(context -> {
                    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(name, properties));
                    context.getBeanFactory().registerSingleton("iamCounts", counts);
                    context.getBeanFactory().registerSingleton("firstCalls", FIRST_CALLS);
                })
                .run();
    }

    @Test
    void printNumbers() throws Exception {
        RoleRequestService a = consoleA.getBean(RoleRequestService.class);
        RoleRequestService b = consoleB.getBean(RoleRequestService.class);

        // 1. 100 approvals through both consoles at once.
        List<RoleRequestId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(file(i % 2 == 0 ? a : b, "bench-burst-" + i));
        }
        COUNTS_A.clear();
        COUNTS_B.clear();
        ExecutorService reviewers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<?>> approvals = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            RoleRequestService via = i % 2 == 0 ? a : b;
            RoleRequestId id = ids.get(i);
            approvals.add(reviewers.submit(() -> via.decide(id, null, DecisionType.APPROVE, "Fine", BOB)));
        }
        for (Future<?> approval : approvals) {
            approval.get();
        }
        reviewers.shutdown();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().allMatch(id -> a.get(id, ALICE).status() == RoleRequestStatus.APPLIED));
        long burstMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> created = new HashMap<>(COUNTS_A.rolesCreated());
        COUNTS_B.rolesCreated().forEach((role, count) -> created.merge(role, count, Integer::sum));
        long duplicates = created.values().stream().filter(count -> count > 1).count();
        System.out.printf(
                "BENCH burst: 100 approvals through 2 consoles: %d ms until all APPLIED; CreateRole accepted %d "
                        + "(console A %d, console B %d); role names created more than once: %d%n",
                burstMillis,
                COUNTS_A.accepted("CreateRole") + COUNTS_B.accepted("CreateRole"),
                COUNTS_A.accepted("CreateRole"),
                COUNTS_B.accepted("CreateRole"),
                duplicates);

        // 3. Approval commit to first IAM call, one approval at a time; for the first 20, the same
        // three calls made directly with the SDK right after the console's, each after the same pause.
        List<Long> latencies = new ArrayList<>();
        List<Long> consoleCalls = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        Map<String, List<Long>> parts = new LinkedHashMap<>();
        var spec = TwoConsolesIntegrationTests.spec("unused");
        String trust = IamCall.text(spec.trustPolicy());
        String inline = IamCall.text(spec.inlinePolicies().get("read-reports"));
        IamClient iam = MotoServer.shared().iamClient();
        for (int i = 0; i < 100; i++) {
            String role = "bench-idle-" + i;
            RoleRequestId id = file(a, role);
            a.decide(id, null, DecisionType.APPROVE, "Fine", BOB);
            Instant committed = Instant.now();
            // Wait for the last call's answer in memory, and only then ask the console for the request:
            // reading it from the database every 10 ms while its apply runs would time the console
            // with this benchmark's own queries competing for the CPU, which the direct SDK calls never
            // have (a person's request page asks every 2 s).
            await().atMost(Duration.ofMinutes(1))
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> FIRST_CALLS.callAnswered.containsKey(role + "/AttachRolePolicyRequest"));
            RoleRequestView applied = await().atMost(Duration.ofMinutes(1))
                    .pollDelay(Duration.ofMillis(10))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> a.get(id, ALICE), view -> view.status() == RoleRequestStatus.APPLIED);
            Instant first = FIRST_CALLS.sent.get(role);
            // Let the consoles go idle before the next approval (the account's rate limit full again,
            // no job still finishing), so that each number measures one apply on its own.
            Thread.sleep(IDLE_PAUSE.toMillis());
            latencies.add(Duration.between(committed, first).toMillis());
            if (i < 20) {
                // 2. The console's wall time for the request's calls: first call sent to last step recorded.
                Instant last = applied.applySteps()
                        .get(applied.applySteps().size() - 1)
                        .recordedAt();
                consoleCalls.add(Duration.between(first, last).toNanos() / 1000);
                parts(role, last)
                        .forEach((part, micros) -> parts.computeIfAbsent(part, ignored -> new ArrayList<>())
                                .add(micros));
                // 2. The same three calls made directly with the SDK, in the same minute as the
                // console's (a shared machine's load changes from one minute to the next) and, like
                // the console's, after a pause with nothing sent.
                direct.add(directCalls(iam, "bench-direct-" + i, trust, inline));
                Thread.sleep(IDLE_PAUSE.toMillis());
            }
        }
        iam.close();
        latencies.sort(null);
        System.out.printf(
                "BENCH latency: approval commit -> first IAM call over 100 idle approvals: p50 %d ms, p99 %d ms, max %d ms%n",
                latencies.get(49), latencies.get(98), latencies.get(99));

        consoleCalls.sort(null);
        direct.sort(null);
        double consoleMedian = (consoleCalls.get(9) + consoleCalls.get(10)) / 2000.0;
        double directMedian = (direct.get(9) + direct.get(10)) / 2000.0;
        System.out.printf(
                "BENCH overhead: one request's 3 calls, median of 20: console %.1f ms, direct SDK %.1f ms, overhead %.0f%%%n",
                consoleMedian, directMedian, 100 * (consoleMedian - directMedian) / directMedian);
        parts.forEach((part, micros) ->
                System.out.printf("BENCH overhead part: %s, median of 20: %.1f ms%n", part, median(micros) / 1000.0));
        printFloor();
    }

    /** The console's three calls made directly with the SDK: microseconds from first sent to last answered. */
    private static long directCalls(IamClient iam, String role, String trust, String inline) {
        long t0 = System.nanoTime();
        iam.createRole(r -> r.roleName(role)
                .path("/")
                .assumeRolePolicyDocument(trust)
                .maxSessionDuration(3600)
                .tags(Tag.builder().key("managed-by").value("rolecall").build()));
        iam.putRolePolicy(r -> r.roleName(role).policyName("read-reports").policyDocument(inline));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(TestSpecs.READ_ONLY));
        return (System.nanoTime() - t0) / 1000;
    }

    /**
     * Where one apply's window goes: each IAM call from sent to answered, and the console's time
     * between one call's answer and the next call (the step record, the turn in the rate limit,
     * logs and metrics), up to the last step's record.
     */
    private static Map<String, Long> parts(String role, Instant lastRecorded) {
        String[] calls = {"CreateRoleRequest", "PutRolePolicyRequest", "AttachRolePolicyRequest"};
        Map<String, Long> parts = new LinkedHashMap<>();
        long inCalls = 0;
        for (int i = 0; i < calls.length; i++) {
            Instant sent = FIRST_CALLS.callSent.get(role + "/" + calls[i]);
            Instant answered = FIRST_CALLS.callAnswered.get(role + "/" + calls[i]);
            inCalls += FirstCalls.micros(sent, answered);
            Instant next = i + 1 < calls.length ? FIRST_CALLS.callSent.get(role + "/" + calls[i + 1]) : lastRecorded;
            parts.put(
                    i + 1 < calls.length
                            ? "console between call " + (i + 1) + " and call " + (i + 2)
                            : "console after call 3 until its step's time",
                    FirstCalls.micros(answered, next));
        }
        parts.put("3 IAM calls in flight (sent to answered)", inCalls);
        return parts;
    }

    /**
     * The floor on this machine: one round trip to PostgreSQL, a commit that waits for the disk
     * flush and one that does not, a turn in the shared rate limit, and one call to moto.
     */
    private static void printFloor() throws Exception {
        DataSource dataSource = consoleA.getBean(DataSource.class);
        Bucket bucket = consoleA.getBean(IamRateLimits.class).bucket("999999999999");
        List<Long> roundTrips = new ArrayList<>();
        List<Long> durable = new ArrayList<>();
        List<Long> asynchronous = new ArrayList<>();
        List<Long> turns = new ArrayList<>();
        List<Long> moto = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                IamClient iam = MotoServer.shared().iamClient()) {
            statement.execute("CREATE TEMP TABLE bench_commit (id bigint)");
            for (int i = 0; i < 50; i++) {
                long t0 = System.nanoTime();
                statement.execute("SELECT 1");
                long t1 = System.nanoTime();
                statement.execute("INSERT INTO bench_commit VALUES (" + i + ")");
                long t2 = System.nanoTime();
                statement.execute("WITH settings AS (SELECT set_config('synchronous_commit', 'off', true)) "
                        + "INSERT INTO bench_commit SELECT " + i + " FROM settings");
                long t3 = System.nanoTime();
                bucket.tryConsume(1);
                long t4 = System.nanoTime();
                iam.getRole(r -> r.roleName("bench-direct-0"));
                long t5 = System.nanoTime();
                roundTrips.add((t1 - t0) / 1000);
                durable.add((t2 - t1) / 1000);
                asynchronous.add((t3 - t2) / 1000);
                turns.add((t4 - t3) / 1000);
                moto.add((t5 - t4) / 1000);
            }
        }
        System.out.printf(
                "BENCH floor, median of 50: PostgreSQL round trip %.2f ms; autocommit INSERT, durable %.2f ms, "
                        + "synchronous_commit off %.2f ms; one rate-limit turn (Bucket4j) %.2f ms; "
                        + "one moto call (GetRole) %.2f ms%n",
                median(roundTrips) / 1000.0,
                median(durable) / 1000.0,
                median(asynchronous) / 1000.0,
                median(turns) / 1000.0,
                median(moto) / 1000.0);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static RoleRequestId file(RoleRequestService requests, String role) {
        return requests.submit(
                        new SubmitRoleRequest(TwoConsolesIntegrationTests.spec(role), "Reads reports", Map.of()), ALICE)
                .id();
    }
}
