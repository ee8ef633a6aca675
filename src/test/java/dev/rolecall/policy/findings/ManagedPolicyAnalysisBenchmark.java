package dev.rolecall.policy.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.policy.catalog.AwsManagedPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How long analysing every AWS managed policy takes, after warm-up, and what the analysis finds in
 * them per category and per code: {@code ./mvnw -Pbench test -Dtest=ManagedPolicyAnalysisBenchmark}.
 * Prints the numbers; asserts only that every policy was analysed (no timed assertion).
 */
class ManagedPolicyAnalysisBenchmark {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 10;

    private final PolicyAnalyser analyser = PolicyFixtures.analyser();
    private final List<AwsManagedPolicy> policies =
            PolicyFixtures.managedPolicies().all();

    @Test
    void analyseEveryManagedPolicy() {
        // As attached AWS managed policies: each document is parsed once and reused, as in the product.
        Function<AwsManagedPolicy, PolicyAnalysisRequest> attached = policy -> PolicyAnalysisRequest.builder()
                .managedPolicyArns(List.of(policy.arn()))
                .build();
        // As pasted inline documents: parsed on every analysis (over the inline quota, which only adds a finding).
        Function<AwsManagedPolicy, PolicyAnalysisRequest> pasted = policy -> PolicyAnalysisRequest.builder()
                .permissionPolicy(new PolicyInput(policy.name(), policy.document()))
                .build();
        report("attached by ARN", attached);
        report("pasted as JSON (parse included)", pasted);
    }

    /** Each policy attached on its own: how many findings of each category and code, by severity. */
    @Test
    void countFindingsPerCategory() {
        Map<String, Map<FindingSeverity, Integer>> perCategory = new TreeMap<>();
        Map<String, Map<FindingSeverity, Integer>> perCode = new TreeMap<>();
        Map<RiskLevel, Integer> perRisk = new EnumMap<>(RiskLevel.class);
        for (AwsManagedPolicy policy : policies) {
            PolicyAnalysis analysis = analyser.analyse(PolicyAnalysisRequest.builder()
                    .managedPolicyArns(List.of(policy.arn()))
                    .build());
            perRisk.merge(analysis.riskLevel(), 1, Integer::sum);
            for (PolicyFinding finding : analysis.findings()) {
                count(perCategory, finding.category().label(), finding.severity());
                count(perCode, finding.code(), finding.severity());
            }
        }
        System.out.printf("Findings over %d AWS managed policies, each attached on its own%n", policies.size());
        print("category", perCategory);
        print("code", perCode);
        System.out.println("risk level: " + perRisk);
        assertThat(perRisk.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(policies.size());
    }

    private static void count(Map<String, Map<FindingSeverity, Integer>> counts, String key, FindingSeverity severity) {
        counts.computeIfAbsent(key, k -> new EnumMap<>(FindingSeverity.class)).merge(severity, 1, Integer::sum);
    }

    private static void print(String what, Map<String, Map<FindingSeverity, Integer>> counts) {
        counts.forEach((key, bySeverity) -> System.out.printf(
                "  %-8s %-36s %5d  %s%n",
                what,
                key,
                bySeverity.values().stream().mapToInt(Integer::intValue).sum(),
                bySeverity));
    }

    private void report(String how, Function<AwsManagedPolicy, PolicyAnalysisRequest> request) {
        List<PolicyAnalysisRequest> requests = policies.stream().map(request).toList();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            round(requests);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[MEASURED_ROUNDS];
        long[] cpu = new long[MEASURED_ROUNDS];
        int findings = 0;
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            findings = round(requests);
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        // CPU time of the analysing thread is what the analysis costs; wall time also shows what else runs.
        System.out.printf(
                "%d AWS managed policies, %s: wall median %.0f ms (best %.0f, worst %.0f), "
                        + "CPU median %.0f ms per round (%.0f µs per policy, %d findings, %d cores)%n",
                policies.size(),
                how,
                nanos[MEASURED_ROUNDS / 2] / 1e6,
                nanos[0] / 1e6,
                nanos[MEASURED_ROUNDS - 1] / 1e6,
                cpu[MEASURED_ROUNDS / 2] / 1e6,
                cpu[MEASURED_ROUNDS / 2] / 1e3 / policies.size(),
                findings,
                Runtime.getRuntime().availableProcessors());
        assertThat(findings).isPositive();
    }

    private int round(List<PolicyAnalysisRequest> requests) {
        int findings = 0;
        int analysed = 0;
        for (PolicyAnalysisRequest request : requests) {
            PolicyAnalysis analysis = analyser.analyse(request);
            findings += analysis.findings().size();
            analysed++;
        }
        assertThat(analysed).isEqualTo(policies.size());
        return findings;
    }
}
