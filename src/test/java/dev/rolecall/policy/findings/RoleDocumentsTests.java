package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.PolicyLimits;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The role's documents: quotas, and managed policy ARNs that cannot be resolved. */
class RoleDocumentsTests {

    private static PolicyAnalysis analyse(PolicyAnalysisRequest.Builder request) {
        return Roles.ANALYSER.analyse(request.build());
    }

    @Test
    void theRolesOwnFieldsAreNeverFindings() {
        // Over the managed-policy quota, and no boundary where one is required: field errors of the request.
        PolicyAnalysis analysis = analyse(PolicyAnalysisRequest.builder()
                .managedPolicyArns(Collections.nCopies(11, "arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .boundaryRequired(true));
        assertThat(codes(analysis)).doesNotContain("managed-policies-too-many", "permissions-boundary-required");
        assertThat(analysis.blocked()).isFalse();
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
