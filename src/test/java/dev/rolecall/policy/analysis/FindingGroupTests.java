package dev.rolecall.policy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindingGroupTests {

    @ParameterizedTest(name = "{0} {1} is in {2}")
    @CsvSource({
        "BLOCK, VALIDITY, BLOCKING",
        "CRITICAL, PRIVILEGE_ESCALATION, SECURITY",
        "MEDIUM, TRUST, SECURITY",
        "HIGH, HYGIENE, WARNINGS",
        "LOW, PRIVILEGE_ESCALATION, WARNINGS",
        "INFO, TRUST, SUGGESTIONS"
    })
    void eachFindingFallsInTheGroupOfItsSeverityAndCategory(
            FindingSeverity severity, FindingCategory category, FindingGroup group) {
        assertThat(FindingGroup.of(finding("code", severity, category))).isEqualTo(group);
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
