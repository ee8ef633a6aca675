package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.FindingSeverity;
import dev.rolecall.policy.PolicyAnalysis;
import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyFinding;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.PolicyLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleChecksTests {

    private static PolicyAnalysis analyse(PolicyAnalysisRequest.Builder request) {
        return Roles.ANALYSER.analyse(request.build());
    }

    @Test
    void validFieldsGiveNoFindings() {
        PolicyAnalysis analysis = analyse(PolicyAnalysisRequest.builder()
                .role("ci-deployer", "/ci/", "Deploys payments-api")
                .maxSessionDurationSeconds(3600)
                .tags(Map.of("team", "payments")));
        assertThat(analysis.findings()).isEmpty();
        assertThat(analysis.blocked()).isFalse();
    }

    @Test
    void invalidFieldsBlockSubmission() {
        PolicyAnalysis analysis = analyse(PolicyAnalysisRequest.builder()
                .role("no spaces", "ci", "x".repeat(1001))
                .maxSessionDurationSeconds(43201)
                .tags(Map.of("aws:team", "payments", "ok", "v".repeat(257))));
        assertThat(codes(analysis))
                .contains(
                        "role-name-invalid",
                        "role-path-invalid",
                        "role-description-invalid",
                        "session-duration-invalid",
                        "tags-invalid");
        assertThat(analysis.findings()).allMatch(f -> f.severity() == FindingSeverity.BLOCK);
        assertThat(analysis.blocked()).isTrue();
        assertThat(analysis.findings().get(0).locationText())
                .isIn("roleName", "path", "description", "maxSessionDurationSeconds", "tags.aws:team", "tags.ok");
    }

    @Test
    void atMostFiftyTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            tags.put("k" + i, "v");
        }
        assertThat(codes(analyse(PolicyAnalysisRequest.builder().tags(tags)))).containsExactly("tags-invalid");
    }

    @Test
    void managedPolicyCountFollowsTheAccountQuota() {
        List<String> eleven = Collections.nCopies(11, "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(codes(analyse(PolicyAnalysisRequest.builder().managedPolicyArns(eleven))))
                .contains("managed-policies-too-many");
        assertThat(codes(analyse(PolicyAnalysisRequest.builder()
                        .managedPolicyArns(eleven)
                        .limits(new PolicyLimits(2048, 20)))))
                .doesNotContain("managed-policies-too-many");
    }

    @Test
    void trustAndInlineSizesFollowIamQuotas() {
        String principals = String.join(",", Collections.nCopies(60, "\"arn:aws:iam::111122223333:role/ci-role\""));
        String trust =
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": ["
                        + principals + "]}, \"Action\": \"sts:AssumeRole\"}]}";
        assertThat(codes(analyse(PolicyAnalysisRequest.builder().trustPolicy(new PolicyInput("trustPolicy", trust)))))
                .contains("trust-policy-too-large");
        assertThat(codes(analyse(PolicyAnalysisRequest.builder()
                        .trustPolicy(new PolicyInput("trustPolicy", trust))
                        .limits(new PolicyLimits(4096, 10)))))
                .doesNotContain("trust-policy-too-large");
        String resources = String.join(",", Collections.nCopies(400, "\"arn:aws:s3:::bucket-name/*\""));
        String inline = Roles.policy(Roles.allow("\"s3:GetObject\"", "[" + resources + "]"));
        assertThat(codes(analyse(PolicyAnalysisRequest.builder().permissionPolicy(new PolicyInput("big", inline)))))
                .contains("inline-policies-too-large");
    }

    @Test
    void aRequiredBoundaryMustBeThere() {
        assertThat(codes(analyse(PolicyAnalysisRequest.builder().boundaryRequired(true))))
                .containsExactly("permissions-boundary-required");
        assertThat(codes(analyse(PolicyAnalysisRequest.builder()
                        .boundaryRequired(true)
                        .permissionsBoundaryArn("arn:aws:iam::aws:policy/PowerUserAccess"))))
                .doesNotContain("permissions-boundary-required");
    }

    @Test
    void unresolvableManagedPoliciesAreReported() {
        PolicyAnalysis analysis = analyse(PolicyAnalysisRequest.builder()
                .managedPolicyArns(List.of(
                        "arn:aws:iam::aws:policy/NoSuchPolicy", "arn:aws:iam::111122223333:policy/team-policy")));
        assertThat(codes(analysis)).containsExactlyInAnyOrder("aws-managed-policy-unknown", "policy-not-analysed");
        assertThat(analysis.policiesChecked()).isZero();
    }

    @Test
    void anAwsManagedArnOutsideTheCatalogBlocksWithTheClosestKnownName() {
        PolicyAnalysis analysis = analyse(PolicyAnalysisRequest.builder()
                .managedPolicyArns(List.of("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole")));

        PolicyFinding unknown = analysis.findings().get(0);
        assertThat(unknown.code()).isEqualTo("aws-managed-policy-unknown");
        assertThat(unknown.severity()).isEqualTo(FindingSeverity.BLOCK);
        assertThat(unknown.message())
                .contains("did you mean arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        assertThat(unknown.location().element()).isEqualTo("managedPolicyArns[0]");
        assertThat(analysis.blocked()).isTrue();
    }

    @Test
    void anUnknownAwsManagedBoundaryBlocksToo() {
        PolicyAnalysis analysis = analyse(
                PolicyAnalysisRequest.builder().permissionsBoundaryArn("arn:aws:iam::aws:policy/PowerUserAcess"));

        assertThat(analysis.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(FindingSeverity.BLOCK);
            assertThat(finding.message()).contains("did you mean arn:aws:iam::aws:policy/PowerUserAccess");
            assertThat(finding.location().element()).isEqualTo("permissionsBoundary");
        });
    }
}
