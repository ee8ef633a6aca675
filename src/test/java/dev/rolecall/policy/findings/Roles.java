package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import java.util.List;
import java.util.Optional;

/** Small builders for analysis tests: documents as compact JSON, analysed with the shipped reference data. */
final class Roles {

    static final PolicyAnalyser ANALYSER = PolicyFixtures.analyser();
    static final String ACCOUNT = "111122223333";

    private Roles() {}

    /** A 2012-10-17 policy with these statements (JSON objects, comma-separated). */
    static String policy(String statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}";
    }

    static String allow(String actions, String resources) {
        return "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": " + resources + "}";
    }

    static String allow(String actions, String resources, String condition) {
        return "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": " + resources + ", \"Condition\": "
                + condition + "}";
    }

    static String trustStatement(String principal, String action, String condition) {
        return "{\"Effect\": \"Allow\", \"Principal\": " + principal + ", \"Action\": " + action
                + (condition.isEmpty() ? "" : ", \"Condition\": " + condition) + "}";
    }

    /** Analyses one inline permission policy. */
    static PolicyAnalysis permissions(String policy) {
        return ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .permissionPolicy(new PolicyInput("inline", policy))
                .build());
    }

    /** Analyses a trust policy for a role in {@link #ACCOUNT}, which the registry knows. */
    static PolicyAnalysis trust(String statements) {
        return ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .accountId(ACCOUNT)
                .knownAccountIds(java.util.Set.of(ACCOUNT, "444455556666"))
                .trustPolicy(new PolicyInput("trustPolicy", policy(statements)))
                .build());
    }

    static List<String> codes(PolicyAnalysis analysis) {
        return analysis.findings().stream().map(PolicyFinding::code).toList();
    }

    static PolicyFinding finding(PolicyAnalysis analysis, String code) {
        return find(analysis, code).orElseThrow(() -> new AssertionError(code + " not in " + analysis.findings()));
    }

    static Optional<PolicyFinding> find(PolicyAnalysis analysis, String code) {
        return analysis.findings().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    static FindingSeverity severity(PolicyAnalysis analysis, String code) {
        return finding(analysis, code).severity();
    }
}
