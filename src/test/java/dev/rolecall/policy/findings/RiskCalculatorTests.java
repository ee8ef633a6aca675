package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.RiskLevel;
import org.junit.jupiter.api.Test;

class RiskCalculatorTests {

    private static final String PASS_ROLE = policy(allow("\"iam:PassRole\"", "\"*\""));
    private static final String READ_BUCKET = policy(allow("\"s3:GetObject\"", "\"*\""));

    private static PolicyAnalysis role(String principal, String permissions) {
        String trust = policy("{\"Effect\": \"Allow\", \"Principal\": " + principal
                + ", \"Action\": \"sts:AssumeRole\", \"Condition\": {\"StringEquals\": "
                + "{\"aws:SourceAccount\": \"111122223333\", \"sts:ExternalId\": \"x\"}}}");
        return Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .accountId(Roles.ACCOUNT)
                .trustPolicy(new PolicyInput("trustPolicy", trust))
                .permissionPolicy(new PolicyInput("inline", permissions))
                .build());
    }

    @Test
    void theHighestSeverityIsTheRisk() {
        assertThat(role("{\"AWS\": \"arn:aws:iam::111122223333:role/ci\"}", PASS_ROLE)
                        .riskLevel())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(role("{\"AWS\": \"arn:aws:iam::111122223333:role/ci\"}", READ_BUCKET)
                        .riskLevel())
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(Roles.permissions(policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::a/*\"")))
                        .riskLevel())
                .isEqualTo(RiskLevel.LOW);
    }

    @Test
    void computeServiceTrustRaisesAHighPermissionFindingAndSaysWhy() {
        PolicyAnalysis analysis = role("{\"Service\": \"lambda.amazonaws.com\"}", PASS_ROLE);

        assertThat(analysis.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(analysis.topFinding().orElseThrow().severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(analysis.riskReason()).isEqualTo("raised from HIGH: a compute service can assume this role");
    }

    @Test
    void externalTrustRaisesAHighPermissionFindingAndSaysWhy() {
        PolicyAnalysis analysis = role("{\"AWS\": \"arn:aws:iam::444455556666:role/ci\"}", PASS_ROLE);

        assertThat(analysis.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(analysis.riskReason()).isEqualTo("raised from HIGH: another account can assume this role");
    }

    @Test
    void aLevelThatIsItsTopFindingsHasNoReason() {
        assertThat(role("{\"AWS\": \"arn:aws:iam::111122223333:role/ci\"}", PASS_ROLE)
                        .riskReason())
                .isNull();
        assertThat(role("{\"Service\": \"lambda.amazonaws.com\"}", READ_BUCKET).riskReason())
                .isNull();
    }

    @Test
    void aBlockingFindingIsNeverTheFindingTheBadgeNames() {
        String invalid = policy("{\"Effect\": \"Permit\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}");
        PolicyAnalysis analysis = Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .permissionPolicy(new PolicyInput("broken", invalid))
                .permissionPolicy(new PolicyInput("inline", PASS_ROLE))
                .build());

        assertThat(analysis.findings().get(0).severity()).isEqualTo(FindingSeverity.BLOCK);
        assertThat(analysis.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(analysis.topFinding().orElseThrow().code()).isEqualTo("iam-passrole-star");
    }

    @Test
    void mediumPermissionFindingsAreNotRaised() {
        assertThat(role("{\"Service\": \"lambda.amazonaws.com\"}", READ_BUCKET).riskLevel())
                .isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void nonComputeServicesDoNotRaise() {
        assertThat(role("{\"Service\": \"config.amazonaws.com\"}", PASS_ROLE).riskLevel())
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void levelsRiseByOneAndStopAtCritical() {
        assertThat(RiskLevel.LOW.raised()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.HIGH.raised()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(RiskLevel.CRITICAL.raised()).isEqualTo(RiskLevel.CRITICAL);
    }
}
