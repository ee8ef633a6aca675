package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysis;
import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.RiskLevel;
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
    void computeServiceTrustRaisesAHighPermissionFinding() {
        assertThat(role("{\"Service\": \"lambda.amazonaws.com\"}", PASS_ROLE).riskLevel())
                .isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void externalTrustRaisesAHighPermissionFinding() {
        assertThat(role("{\"AWS\": \"arn:aws:iam::444455556666:role/ci\"}", PASS_ROLE)
                        .riskLevel())
                .isEqualTo(RiskLevel.CRITICAL);
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
