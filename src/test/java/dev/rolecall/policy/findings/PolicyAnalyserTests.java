package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.policy.catalog.AwsManagedPolicy;
import dev.rolecall.policy.catalog.IamCatalog;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis end to end, calibrated on the real AWS managed policies. */
class PolicyAnalyserTests {

    private static PolicyAnalysis managed(String name) {
        return Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .managedPolicyArns(List.of("arn:aws:iam::aws:policy/" + name))
                .build());
    }

    @Test
    void administratorAccessIsFullAdmin() {
        PolicyAnalysis analysis = managed("AdministratorAccess");
        assertThat(finding(analysis, "full-admin").severity()).isEqualTo(FindingSeverity.CRITICAL);
        assertThat(analysis.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(analysis.topFinding().orElseThrow().code()).isEqualTo("full-admin");
    }

    @Test
    void iamFullAccessEscalatesPrivilegesAndPassesAnyRole() {
        PolicyAnalysis analysis = managed("IAMFullAccess");
        assertThat(codes(analysis))
                .contains("privilege-escalation", "iam-passrole-star")
                .doesNotContain("full-admin");
        assertThat(finding(analysis, "privilege-escalation").severity()).isEqualTo(FindingSeverity.CRITICAL);
        assertThat(finding(analysis, "privilege-escalation").message())
                .contains("iam:CreatePolicyVersion", "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy");
        assertThat(finding(analysis, "iam-passrole-star").severity()).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void powerUserAccessAllowsWithNotAction() {
        PolicyAnalysis analysis = managed("PowerUserAccess");
        assertThat(finding(analysis, "allow-not-action").severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(analysis, "allow-not-action").location().policy()).isEqualTo("PowerUserAccess");
        assertThat(codes(analysis)).doesNotContain("full-admin", "iam-passrole-star");
    }

    @Test
    void dynamoDbFullAccessPassesRolesOnlyToNamedServices() {
        PolicyAnalysis analysis = managed("AmazonDynamoDBFullAccess");
        assertThat(finding(analysis, "iam-passrole-star-service-scoped").severity())
                .isEqualTo(FindingSeverity.LOW);
        assertThat(codes(analysis)).doesNotContain("iam-passrole-star", "privilege-escalation");
    }

    @Test
    void readOnlyAccessManagesNoPermissionsOnceLabelsAreCorrected() {
        PolicyAnalysis analysis = managed("ReadOnlyAccess");
        assertThat(codes(analysis))
                .doesNotContain("permissions-management-star", "privilege-escalation", "full-admin")
                .contains("data-exfiltration-star");
    }

    @Test
    void theOverrideListIsWhatKeepsReadOnlyAccessClean() {
        // Without the overrides, some reads in ReadOnlyAccess would be "Permissions management".
        IamCatalog catalog = PolicyFixtures.catalog();
        assertThat(catalog.overrides())
                .anySatisfy(override -> assertThat(override.action()).isEqualTo("billing:GetResourcePolicy"));
        assertThat(catalog.action("billing:GetResourcePolicy")
                        .orElseThrow()
                        .catalogAccessLevel()
                        .label())
                .isEqualTo("Permissions management");
    }

    @Test
    void everyManagedPolicyIsAnalysedWithAFindingLocationInsideIt() {
        for (AwsManagedPolicy policy : PolicyFixtures.managedPolicies().all()) {
            PolicyAnalysis analysis = Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                    .managedPolicyArns(List.of(policy.arn()))
                    .build());
            assertThat(analysis.riskLevel()).isNotNull();
            for (PolicyFinding finding : analysis.findings()) {
                assertThat(finding.location().policy())
                        .as(policy.name())
                        .isIn(policy.name(), "", "managedPolicyArns[0]");
            }
        }
    }

    @Test
    void findingsComeMostSevereFirstWithTheCatalogVersion() {
        PolicyAnalysis analysis = Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .managedPolicyArns(java.util.List.of("arn:aws:iam::aws:policy/NoSuchPolicy"))
                .trustPolicy(new PolicyInput(
                        "trustPolicy",
                        Roles.policy(Roles.trustStatement(
                                "{\"Service\": \"lambda.amazonaws.com\"}", "\"sts:AssumeRole\"", ""))))
                .permissionPolicy(new PolicyInput("inline", Roles.policy(Roles.allow("\"iam:PassRole\"", "\"*\""))))
                .build());
        assertThat(analysis.findings()).isSortedAccordingTo(Comparator.comparing(PolicyFinding::severity));
        assertThat(analysis.findings().get(0).severity()).isEqualTo(FindingSeverity.BLOCK);
        assertThat(analysis.catalogVersion()).isEqualTo(PolicyFixtures.catalog().version());
        assertThat(analysis.catalogDate()).isEqualTo(PolicyFixtures.catalog().dataDate());
        assertThat(analysis.policiesChecked()).isEqualTo(1);
        assertThat(analysis.trustPolicyChecked()).isTrue();
        assertThat(analysis.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void invalidDocumentsAreBlockingFindingsWithTheParsersLocation() {
        PolicyAnalysis analysis = Roles.permissions("{\"Version\": \"2012-10-17\", \"Statement\": "
                + "[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}]}");
        PolicyFinding invalid = finding(analysis, "policy-invalid");
        assertThat(invalid.severity()).isEqualTo(FindingSeverity.BLOCK);
        assertThat(invalid.location().policy()).isEqualTo("inline");
        assertThat(invalid.location().statementIndex()).isZero();
        assertThat(analysis.blocked()).isTrue();
    }
}
