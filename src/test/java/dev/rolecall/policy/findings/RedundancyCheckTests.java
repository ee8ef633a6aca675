package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static dev.rolecall.policy.findings.Roles.permissions;
import static dev.rolecall.policy.findings.Roles.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import org.junit.jupiter.api.Test;

class RedundancyCheckTests {

    @Test
    void aStatementCoveredByAWiderOneIsRedundant() {
        PolicyAnalysis analysis = permissions(policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::invoices/2026/*\"")
                + ", " + allow("\"s3:Get*\"", "\"arn:aws:s3:::invoices/*\"")));
        assertThat(finding(analysis, "redundant-statement").severity()).isEqualTo(FindingSeverity.INFO);
        assertThat(finding(analysis, "redundant-statement").message())
                .isEqualTo("Everything statement 1 allows, statement 2 already allows");
    }

    @Test
    void ofTwoEqualStatementsTheLaterIsRedundant() {
        String statement = allow("\"s3:GetObject\"", "\"arn:aws:s3:::invoices/*\"");
        PolicyAnalysis analysis = permissions(policy(statement + ", " + statement));
        assertThat(analysis.findings().stream().filter(f -> f.code().equals("redundant-statement")))
                .hasSize(1);
        assertThat(finding(analysis, "redundant-statement").message()).startsWith("Everything statement 2");
    }

    @Test
    void conditionsOrOtherResourcesMakeAStatementCount() {
        assertThat(codes(permissions(policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::a/*\"") + ", "
                        + allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"")))))
                .doesNotContain("redundant-statement");
        assertThat(codes(permissions(
                        policy(allow("\"s3:GetObject\"", "\"*\"", "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}")
                                + ", " + allow("\"s3:*\"", "\"arn:aws:s3:::b/*\"")))))
                .doesNotContain("redundant-statement");
    }
}
