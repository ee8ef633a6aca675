package dev.rolecall.policy.findings;

import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.PolicyLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects findings; the same finding at the same place is kept once. */
final class Findings {

    private final Set<PolicyFinding> findings = new LinkedHashSet<>();

    /** Adds a finding with the code's usual severity. */
    void add(FindingCode code, PolicyLocation at, String message) {
        add(code, code.severity(), at, message);
    }

    void add(FindingCode code, FindingSeverity severity, PolicyLocation at, String message) {
        findings.add(new PolicyFinding(
                code.code(), severity, code.category(), message, at, code.whyItMatters(), code.howToFix()));
    }

    boolean has(FindingCode code) {
        return findings.stream().anyMatch(finding -> finding.code().equals(code.code()));
    }

    /** The findings, most severe first, then in the order they were found. */
    List<PolicyFinding> sorted() {
        List<PolicyFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(PolicyFinding::severity));
        return sorted;
    }
}
