package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static dev.rolecall.policy.findings.Roles.permissions;
import static dev.rolecall.policy.findings.Roles.policy;
import static dev.rolecall.policy.findings.Roles.severity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.analysis.FindingCategory;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementChecksTests {

    @Test
    void unknownServicesAndActionsTellTyposFromNewerThanTheCatalog() {
        PolicyAnalysis analysis = permissions(
                policy(allow("[\"s4:GetObject\", \"s3:GetObjekt\", \"s3:GetObject\"]", "\"arn:aws:s3:::invoices/*\"")));
        assertThat(finding(analysis, "unknown-service").message())
                .contains("\"s4\"")
                .contains("catalog of 20");
        assertThat(finding(analysis, "unknown-action").message()).contains("s3:GetObjekt");
        assertThat(finding(analysis, "unknown-action").locationText()).contains("Action");
        assertThat(analysis.findings().stream().filter(f -> f.code().startsWith("unknown-")))
                .hasSize(2);
    }

    @Test
    void resourcesMustFitAnArnFormat() {
        PolicyAnalysis analysis = permissions(policy(allow(
                "\"s3:GetObject\"",
                "[\"arn:aws:s4:::invoices/*\", \"arn:aws:iam::111122223333:rolez/x\", \"arn:aws:s3:::ok/*\"]")));
        assertThat(analysis.findings().stream().filter(f -> f.code().equals("unknown-resource")))
                .hasSize(2);
        assertThat(severity(analysis, "unknown-resource")).isEqualTo(FindingSeverity.LOW);
    }

    @Test
    void missingOrOldVersion() {
        String statement = "{\"Statement\": [" + allow("\"s3:GetObject\"", "\"arn:aws:s3:::invoices/*\"") + "]}";
        assertThat(severity(permissions(statement), "policy-version-missing")).isEqualTo(FindingSeverity.LOW);
        String withVariable =
                "{\"Statement\": [" + allow("\"s3:GetObject\"", "\"arn:aws:s3:::home/${aws:username}/*\"") + "]}";
        assertThat(severity(permissions(withVariable), "policy-version-missing"))
                .isEqualTo(FindingSeverity.MEDIUM);
        String old = "{\"Version\": \"2008-10-17\", \"Statement\": ["
                + allow("\"s3:GetObject\"", "\"arn:aws:s3:::invoices/*\"") + "]}";
        assertThat(codes(permissions(old))).contains("policy-version-old");
    }

    @Test
    void awsManagedPoliciesGetNoHygieneFindings() {
        // ReadOnlyAccess still names services AWS has retired; nobody requesting a role can change that.
        PolicyAnalysis analysis = Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .managedPolicyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .build());
        assertThat(analysis.findings()).noneMatch(f -> f.category() == FindingCategory.HYGIENE);
    }
}
