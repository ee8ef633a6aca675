package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static dev.rolecall.policy.findings.Roles.permissions;
import static dev.rolecall.policy.findings.Roles.policy;
import static dev.rolecall.policy.findings.Roles.severity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.catalog.ConditionValueType;
import dev.rolecall.policy.model.ConditionOperator.ValueType;
import org.junit.jupiter.api.Test;

class ConditionChecksTests {

    private static PolicyAnalysis withCondition(String effect, String condition) {
        return permissions(policy("{\"Effect\": \"" + effect + "\", \"Action\": \"s3:GetObject\", "
                + "\"Resource\": \"arn:aws:s3:::invoices/*\", \"Condition\": " + condition + "}"));
    }

    @Test
    void setOperatorsOnSingleValuedKeys() {
        PolicyAnalysis forAll =
                withCondition("Allow", "{\"ForAllValues:StringEquals\": {\"aws:PrincipalTag/team\": \"payments\"}}");
        assertThat(severity(forAll, "set-operator-single-valued-key")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding(forAll, "set-operator-single-valued-key").message()).contains("key is missing");
        PolicyAnalysis forAny =
                withCondition("Allow", "{\"ForAnyValue:StringEquals\": {\"aws:PrincipalTag/team\": \"payments\"}}");
        assertThat(severity(forAny, "set-operator-single-valued-key")).isEqualTo(FindingSeverity.LOW);
        assertThat(codes(withCondition("Allow", "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\"}}")))
                .doesNotContain("set-operator-single-valued-key");
    }

    @Test
    void brokenMfaPatterns() {
        PolicyAnalysis deny = withCondition("Deny", "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"false\"}}");
        assertThat(severity(deny, "broken-mfa-condition")).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(deny, "broken-mfa-condition").message()).contains("BoolIfExists");
        PolicyAnalysis allow = withCondition("Allow", "{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"true\"}}");
        assertThat(codes(allow)).contains("broken-mfa-condition");
        assertThat(codes(withCondition("Deny", "{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}")))
                .doesNotContain("broken-mfa-condition");
        assertThat(codes(withCondition("Allow", "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}")))
                .doesNotContain("broken-mfa-condition");
    }

    @Test
    void operatorsMustFitTheKeyType() {
        PolicyAnalysis analysis = withCondition("Allow", "{\"NumericLessThan\": {\"aws:SourceIp\": \"10\"}}");
        assertThat(severity(analysis, "operator-type-mismatch")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding(analysis, "operator-type-mismatch").locationText())
                .contains("Condition.NumericLessThan.aws:SourceIp");
        assertThat(codes(withCondition(
                        "Allow", "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-01-01T00:00:00Z\"}}")))
                .doesNotContain("operator-type-mismatch");
        assertThat(codes(withCondition("Allow", "{\"NumericLessThan\": {\"aws:EpochTime\": \"1800000000\"}}")))
                .doesNotContain("operator-type-mismatch");
        assertThat(codes(withCondition("Allow", "{\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}")))
                .doesNotContain("operator-type-mismatch");
    }

    @Test
    void operatorFamiliesAndKeyTypes() {
        assertThat(ConditionChecks.fits(ValueType.STRING, ConditionValueType.ARN))
                .isTrue();
        assertThat(ConditionChecks.fits(ValueType.ARN, ConditionValueType.ARN)).isTrue();
        assertThat(ConditionChecks.fits(ValueType.NULL, ConditionValueType.IP_ADDRESS))
                .isTrue();
        assertThat(ConditionChecks.fits(ValueType.BOOLEAN, ConditionValueType.STRING))
                .isFalse();
        assertThat(ConditionChecks.fits(ValueType.STRING, ConditionValueType.NUMERIC))
                .isFalse();
        assertThat(ConditionChecks.fits(ValueType.IP_ADDRESS, ConditionValueType.STRING))
                .isFalse();
    }

    @Test
    void wildcardsInEqualsOperatorsAreLiteral() {
        PolicyAnalysis analysis = withCondition("Allow", "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"pay*\"}}");
        assertThat(severity(analysis, "wildcard-without-like")).isEqualTo(FindingSeverity.LOW);
        assertThat(finding(analysis, "wildcard-without-like").message()).contains("StringLike");
        assertThat(codes(withCondition("Allow", "{\"StringLike\": {\"aws:PrincipalTag/team\": \"pay*\"}}")))
                .doesNotContain("wildcard-without-like");
        assertThat(codes(withCondition("Allow", "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"a${*}b\"}}")))
                .doesNotContain("wildcard-without-like");
    }

    @Test
    void unknownConditionKeysAreHygiene() {
        PolicyAnalysis analysis = withCondition("Allow", "{\"StringEquals\": {\"s3:prefixx\": \"a\"}}");
        assertThat(severity(analysis, "unknown-condition-key")).isEqualTo(FindingSeverity.LOW);
        assertThat(codes(withCondition("Allow", "{\"StringEquals\": {\"s3:prefix\": \"a\"}}")))
                .doesNotContain("unknown-condition-key");
        assertThat(codes(permissions(policy(allow(
                        "\"s3:GetObject\"",
                        "\"*\"",
                        "{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"}}")))))
                .doesNotContain("unknown-condition-key");
    }

    @Test
    void aKeyNoActionOfTheStatementCarriesLimitsNothingWithANegatedOperator() {
        PolicyAnalysis analysis = permissions(
                policy(allow("\"s3:*\"", "\"*\"", "{\"StringNotEquals\": {\"iam:ResourceTag/status\": \"locked\"}}")));
        PolicyFinding finding = finding(analysis, "condition-limits-nothing");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding.message())
                .contains("No action of this statement carries iam:ResourceTag/status")
                .contains("StringNotEquals is always true, so the condition limits nothing");
    }

    @Test
    void ifExistsOnAKeyNoActionCarriesIsAlwaysTrue() {
        PolicyAnalysis analysis = permissions(policy(allow(
                "\"ec2:TerminateInstances\"",
                "\"*\"",
                "{\"StringEqualsIfExists\": {\"iam:ResourceTag/team\": \"payments\"}}")));
        assertThat(finding(analysis, "condition-limits-nothing").message()).contains("always true");
    }

    @Test
    void aPositiveOperatorOnAKeyNoActionCarriesNeverMatches() {
        PolicyAnalysis analysis = withCondition("Allow", "{\"StringLike\": {\"s3:prefix\": \"home/*\"}}");
        PolicyFinding finding = finding(analysis, "condition-limits-nothing");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.LOW);
        assertThat(finding.message())
                .contains("carries s3:prefix")
                .contains("never true, so the statement grants nothing");
        PolicyAnalysis deny = withCondition("Deny", "{\"StringNotLike\": {\"s3:prefix\": \"home/*\"}}");
        assertThat(finding(deny, "condition-limits-nothing").severity()).isEqualTo(FindingSeverity.LOW);
        PolicyAnalysis guard = withCondition("Deny", "{\"StringLike\": {\"s3:prefix\": \"home/*\"}}");
        assertThat(finding(guard, "condition-limits-nothing").severity()).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding(guard, "condition-limits-nothing").message()).contains("denies nothing");
    }

    @Test
    void keysTheStatementsActionsCarryAreNoFinding() {
        assertThat(codes(permissions(policy(allow(
                        "\"s3:ListBucket\"",
                        "\"arn:aws:s3:::invoices\"",
                        "{\"StringLike\": {\"s3:prefix\": \"home/*\"}}")))))
                .doesNotContain("condition-limits-nothing");
        assertThat(codes(permissions(policy(allow(
                        "\"iam:PassRole\"",
                        "\"*\"",
                        "{\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}")))))
                .doesNotContain("condition-limits-nothing");
        assertThat(codes(withCondition("Allow", "{\"StringEquals\": {\"aws:ResourceTag/team\": \"payments\"}}")))
                .doesNotContain("condition-limits-nothing");
        assertThat(codes(withCondition("Allow", "{\"StringEquals\": {\"s3:ExistingObjectTag/team\": \"payments\"}}")))
                .doesNotContain("condition-limits-nothing");
    }

    @Test
    void keysOfOtherServicesOrOtherActionsLimitNothing() {
        PolicyAnalysis ec2 = permissions(policy(allow(
                "\"ec2:TerminateInstances\"",
                "\"*\"",
                "{\"StringNotEquals\": {\"iam:ResourceTag/team\": \"payments\"}}")));
        assertThat(finding(ec2, "condition-limits-nothing").message())
                .contains("No action of this statement carries iam:ResourceTag/team")
                .contains("always true");
        PolicyAnalysis s3 = permissions(policy(allow(
                "\"s3:GetObject\"",
                "\"arn:aws:s3:::invoices/*\"",
                "{\"StringEquals\": {\"iam:ResourceTag/team\": \"payments\"}}")));
        assertThat(finding(s3, "condition-limits-nothing").message()).contains("never true");
        PolicyAnalysis prefix = permissions(policy(allow(
                "[\"s3:GetObject\", \"s3:PutObject\"]",
                "\"arn:aws:s3:::invoices/*\"",
                "{\"StringNotLike\": {\"s3:prefix\": \"private/*\"}}")));
        assertThat(finding(prefix, "condition-limits-nothing").message())
                .contains("carries s3:prefix")
                .contains("always true");
    }

    @Test
    void keysAnActionCarriesThroughItsRowOrItsResourceTypesAreNoFinding() {
        assertThat(codes(permissions(policy(allow(
                        "[\"s3:GetObject\", \"s3:ListBucket\"]",
                        "\"*\"",
                        "{\"StringNotLike\": {\"s3:prefix\": \"private/*\"}}")))))
                .doesNotContain("condition-limits-nothing");
        assertThat(codes(permissions(policy(allow(
                        "\"ec2:TerminateInstances\"",
                        "\"*\"",
                        "{\"StringEquals\": {\"aws:ResourceTag/team\": \"payments\"}}")))))
                .doesNotContain("condition-limits-nothing");
        // iam:DeleteRole lists iam:ResourceTag only through its resource type, role
        assertThat(codes(permissions(policy(allow(
                        "\"iam:DeleteRole\"",
                        "\"*\"",
                        "{\"StringEquals\": {\"iam:ResourceTag/team\": \"payments\"}}")))))
                .doesNotContain("condition-limits-nothing");
        // ec2:TerminateInstances carries ec2:InstanceType through its resource type, instance
        assertThat(codes(permissions(policy(allow(
                        "\"ec2:TerminateInstances\"",
                        "\"*\"",
                        "{\"StringEquals\": {\"ec2:InstanceType\": \"t3.micro\"}}")))))
                .doesNotContain("condition-limits-nothing");
    }

    @Test
    void aNegatedConditionOnAKeyNoActionCarriesLeavesTheRiskChecksUnconditional() {
        String action = "\"s3:PutBucketPolicy\"";
        String everyBucket = "\"arn:aws:s3:::*\"";
        PolicyAnalysis unconditional = permissions(policy(allow(action, everyBucket)));
        PolicyAnalysis limitsNothing = permissions(
                policy(allow(action, everyBucket, "{\"StringNotEquals\": {\"iam:ResourceTag/status\": \"locked\"}}")));
        PolicyAnalysis ifExists = permissions(
                policy(allow(action, everyBucket, "{\"StringEqualsIfExists\": {\"s3:prefix\": \"home/\"}}")));
        PolicyAnalysis limits = permissions(policy(
                allow(action, everyBucket, "{\"StringNotEquals\": {\"s3:ResourceAccount\": \"111122223333\"}}")));
        FindingSeverity full = severity(unconditional, "permissions-management-star");
        assertThat(full).isEqualTo(FindingSeverity.HIGH);
        assertThat(severity(limitsNothing, "permissions-management-star")).isEqualTo(full);
        assertThat(severity(ifExists, "permissions-management-star")).isEqualTo(full);
        assertThat(codes(limits)).doesNotContain("condition-limits-nothing");
        assertThat(severity(limits, "permissions-management-star")).isEqualTo(FindingSeverity.MEDIUM);
    }

    @Test
    void aDenyWhoseNegatedConditionLimitsNothingDeniesEverywhere() {
        String grant = allow("\"s3:PutBucketPolicy\"", "\"*\"");
        String denyAlways = "{\"Effect\": \"Deny\", \"Action\": \"s3:PutBucketPolicy\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringNotEquals\": {\"iam:ResourceTag/status\": \"open\"}}}";
        String denyDepends = "{\"Effect\": \"Deny\", \"Action\": \"s3:PutBucketPolicy\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringNotEquals\": {\"s3:ResourceAccount\": \"111122223333\"}}}";
        assertThat(codes(permissions(policy(grant + ", " + denyAlways)))).doesNotContain("permissions-management-star");
        assertThat(codes(permissions(policy(grant + ", " + denyDepends)))).contains("permissions-management-star");
    }

    @Test
    void principalAccountInTheRolesOwnPolicyLimitsNothing() {
        PolicyAnalysis analysis =
                withCondition("Allow", "{\"StringEquals\": {\"aws:PrincipalAccount\": \"111122223333\"}}");
        assertThat(finding(analysis, "condition-limits-nothing").message())
                .contains("aws:PrincipalAccount is always the role's own account");
        PolicyAnalysis sameAccount =
                withCondition("Allow", "{\"StringEquals\": {\"aws:PrincipalAccount\": \"${aws:ResourceAccount}\"}}");
        assertThat(codes(sameAccount)).doesNotContain("condition-limits-nothing");
    }

    @Test
    void mfaPitfallsInAnAllow() {
        PolicyAnalysis allowFalse = withCondition("Allow", "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"false\"}}");
        assertThat(severity(allowFalse, "broken-mfa-condition")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding(allowFalse, "broken-mfa-condition").message()).contains("requires no MFA");
        PolicyAnalysis ifExistsFalse =
                withCondition("Allow", "{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}");
        assertThat(finding(ifExistsFalse, "broken-mfa-condition").message()).contains("long-term access keys");
        PolicyAnalysis nullFalse = withCondition("Allow", "{\"Null\": {\"aws:MultiFactorAuthPresent\": \"false\"}}");
        assertThat(finding(nullFalse, "broken-mfa-condition").message()).contains("only says the key is present");
        PolicyAnalysis longTermKeys =
                withCondition("Allow", "{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"true\"}}");
        assertThat(severity(longTermKeys, "broken-mfa-condition")).isEqualTo(FindingSeverity.HIGH);
        PolicyAnalysis right = withCondition("Allow", "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}");
        assertThat(codes(right)).doesNotContain("broken-mfa-condition");
    }
}
