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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
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

    /** When each role's first CreateRole attempt left the JVM. */
    static final class FirstCalls implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {

        final Map<String, Instant> sent = new ConcurrentHashMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof CreateRoleRequest create) {
                sent.putIfAbsent(create.roleName(), Instant.now());
            }
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

        // 3. Approval commit to first IAM call, one approval at a time.
        List<Long> latencies = new ArrayList<>();
        List<Long> consoleCalls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String role = "bench-idle-" + i;
            RoleRequestId id = file(a, role);
            a.decide(id, null, DecisionType.APPROVE, "Fine", BOB);
            Instant committed = Instant.now();
            RoleRequestView applied = await().atMost(Duration.ofMinutes(1))
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
            }
        }
        latencies.sort(null);
        System.out.printf(
                "BENCH latency: approval commit -> first IAM call over 100 idle approvals: p50 %d ms, p99 %d ms, max %d ms%n",
                latencies.get(49), latencies.get(98), latencies.get(99));

        // 2. The same three calls made directly with the SDK.
        List<Long> direct = new ArrayList<>();
        try (IamClient iam = MotoServer.shared().iamClient()) {
            var spec = TwoConsolesIntegrationTests.spec("unused");
            String trust = IamCall.text(spec.trustPolicy());
            String inline = IamCall.text(spec.inlinePolicies().get("read-reports"));
            for (int i = 0; i < 20; i++) {
                String role = "bench-direct-" + i;
                long t0 = System.nanoTime();
                iam.createRole(r -> r.roleName(role)
                        .path("/")
                        .assumeRolePolicyDocument(trust)
                        .maxSessionDuration(3600)
                        .tags(Tag.builder().key("managed-by").value("rolecall").build()));
                iam.putRolePolicy(
                        r -> r.roleName(role).policyName("read-reports").policyDocument(inline));
                iam.attachRolePolicy(r -> r.roleName(role).policyArn(TestSpecs.READ_ONLY));
                direct.add((System.nanoTime() - t0) / 1000);
            }
        }
        consoleCalls.sort(null);
        direct.sort(null);
        double consoleMedian = (consoleCalls.get(9) + consoleCalls.get(10)) / 2000.0;
        double directMedian = (direct.get(9) + direct.get(10)) / 2000.0;
        System.out.printf(
                "BENCH overhead: one request's 3 calls, median of 20: console %.1f ms, direct SDK %.1f ms, overhead %.0f%%%n",
                consoleMedian, directMedian, 100 * (consoleMedian - directMedian) / directMedian);
    }

    private static RoleRequestId file(RoleRequestService requests, String role) {
        return requests.submit(
                        new SubmitRoleRequest(TwoConsolesIntegrationTests.spec(role), "Reads reports", Map.of()), ALICE)
                .id();
    }
}
