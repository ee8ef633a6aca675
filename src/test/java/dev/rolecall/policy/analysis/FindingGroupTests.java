package dev.rolecall.policy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingGroupTests {

    @Test
    void eachFindingFallsInTheGroupOfItsSeverityAndCategory() {
        assertThat(FindingGroup.of(finding("a", FindingSeverity.BLOCK, FindingCategory.VALIDITY)))
                .isEqualTo(FindingGroup.BLOCKING);
        assertThat(FindingGroup.of(finding("b", FindingSeverity.CRITICAL, FindingCategory.PRIVILEGE_ESCALATION)))
                .isEqualTo(FindingGroup.SECURITY);
        assertThat(FindingGroup.of(finding("c", FindingSeverity.MEDIUM, FindingCategory.TRUST)))
                .isEqualTo(FindingGroup.SECURITY);
        assertThat(FindingGroup.of(finding("d", FindingSeverity.HIGH, FindingCategory.HYGIENE)))
                .isEqualTo(FindingGroup.WARNINGS);
        assertThat(FindingGroup.of(finding("e", FindingSeverity.LOW, FindingCategory.PRIVILEGE_ESCALATION)))
                .isEqualTo(FindingGroup.WARNINGS);
        assertThat(FindingGroup.of(finding("f", FindingSeverity.INFO, FindingCategory.TRUST)))
                .isEqualTo(FindingGroup.SUGGESTIONS);
    }

    @Test
    void theAnalysisListsEveryGroupInThePanelsOrderWithItsFindingsInTheirOrder() {
        PolicyFinding critical = finding("iam-star", FindingSeverity.CRITICAL, FindingCategory.PRIVILEGE_ESCALATION);
        PolicyFinding high = finding("trust-any", FindingSeverity.HIGH, FindingCategory.TRUST);
        PolicyFinding low = finding("redundant", FindingSeverity.LOW, FindingCategory.HYGIENE);
        PolicyFinding info = finding("narrow-it", FindingSeverity.INFO, FindingCategory.SERVICE_WILDCARD);
        PolicyAnalysis analysis = new PolicyAnalysis(
                RiskLevel.CRITICAL, null, List.of(critical, high, low, info), "1", LocalDate.EPOCH, 1, true);

        Map<FindingGroup, List<PolicyFinding>> grouped = analysis.grouped();

        assertThat(grouped.keySet()).containsExactly(FindingGroup.values());
        assertThat(grouped.get(FindingGroup.BLOCKING)).isEmpty();
        assertThat(grouped.get(FindingGroup.SECURITY)).containsExactly(critical, high);
        assertThat(grouped.get(FindingGroup.WARNINGS)).containsExactly(low);
        assertThat(grouped.get(FindingGroup.SUGGESTIONS)).containsExactly(info);
        assertThat(FindingGroup.SECURITY.anchor()).isEqualTo("findings-security");
    }

    private static PolicyFinding finding(String code, FindingSeverity severity, FindingCategory category) {
        return new PolicyFinding(code, severity, category, code, PolicyLocation.document("p", 1, 1), "why", "how");
    }
}
