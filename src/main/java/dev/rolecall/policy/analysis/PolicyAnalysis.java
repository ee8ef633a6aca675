package dev.rolecall.policy.analysis;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of analysing a role's policies.
 *
 * @param riskLevel the highest severity among the findings, one level higher when a compute service
 *     or an outside principal may assume a role with a CRITICAL or HIGH permission finding
 * @param riskReason why the risk level is above the highest finding severity, e.g. {@code raised from
 *     HIGH: a compute service can assume this role}; null when it is not raised
 * @param findings the findings, most severe first
 * @param catalogVersion the version of the IAM action catalog the policies were checked against
 * @param catalogDate the day of the catalog's data
 * @param policiesChecked how many permission policies were analysed (inline, managed and boundary)
 * @param trustPolicyChecked whether a trust policy was analysed
 */
public record PolicyAnalysis(
        RiskLevel riskLevel,
        @Nullable String riskReason,
        List<PolicyFinding> findings,
        String catalogVersion,
        LocalDate catalogDate,
        int policiesChecked,
        boolean trustPolicyChecked) {

    public PolicyAnalysis {
        findings = List.copyOf(findings);
    }

    /** Whether a BLOCK finding stops submission. */
    public boolean blocked() {
        return findings.stream().anyMatch(PolicyFinding::blocks);
    }

    /**
     * The most severe finding that counts towards the risk level, which the risk badge names. BLOCK
     * findings stop submission but say nothing about risk, so they are never the badge's finding.
     */
    public Optional<PolicyFinding> topFinding() {
        return findings.stream().filter(finding -> !finding.blocks()).findFirst();
    }

    /**
     * The findings by the panel's groups: every group, in the panel's order, each group's findings
     * most severe first (an empty list for a group without findings).
     */
    public Map<FindingGroup, List<PolicyFinding>> grouped() {
        Map<FindingGroup, List<PolicyFinding>> groups = new EnumMap<>(FindingGroup.class);
        for (FindingGroup group : FindingGroup.values()) {
            groups.put(
                    group,
                    findings.stream()
                            .filter(finding -> FindingGroup.of(finding) == group)
                            .toList());
        }
        return groups;
    }

    /** Whether a finding with this code was made. */
    public boolean has(String code) {
        return findings.stream().anyMatch(finding -> finding.code().equals(code));
    }
}
