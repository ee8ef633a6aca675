package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static dev.rolecall.policy.findings.Roles.permissions;
import static dev.rolecall.policy.findings.Roles.policy;
import static dev.rolecall.policy.findings.Roles.severity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import org.junit.jupiter.api.Test;

class PermissionChecksTests {

    private static final String ADMIN = allow("\"*\"", "\"*\"");

    @Test
    void everythingOnEverythingIsFullAdminAndNothingElseRepeatsIt() {
        PolicyAnalysis analysis = permissions(policy(ADMIN));
        assertThat(severity(analysis, "full-admin")).isEqualTo(FindingSeverity.CRITICAL);
        assertThat(codes(analysis))
                .doesNotContain(
                        "privilege-escalation",
                        "iam-passrole-star",
                        "write-star",
                        "permissions-management-star",
                        "boundary-escape");
    }

    @Test
    void theBoundaryCapsTheEffectiveSet() {
        PolicyAnalysis analysis = Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .permissionPolicy(new PolicyInput("inline", policy(ADMIN)))
                .permissionsBoundary(new PolicyInput("boundary", policy(allow("\"s3:Get*\"", "\"*\""))))
                .build());
        assertThat(codes(analysis))
                .doesNotContain("full-admin", "privilege-escalation", "iam-passrole-star")
                .contains("data-exfiltration-star");
        assertThat(finding(analysis, "data-exfiltration-star").message())
                .contains("s3:GetObject")
                .doesNotContain("ssm:");
    }

    @Test
    void anUnconditionalDenyOnEverythingRemovesActions() {
        PolicyAnalysis analysis = permissions(
                policy(ADMIN + ", {\"Effect\": \"Deny\", \"Action\": [\"iam:*\", \"sts:*\"], \"Resource\": \"*\"}"));
        assertThat(codes(analysis)).doesNotContain("full-admin", "iam-passrole-star");
        assertThat(finding(analysis, "privilege-escalation").message()).doesNotContain("iam:");
    }

    @Test
    void aConditionalDenyMayNotApplyAndRemovesNothing() {
        PolicyAnalysis analysis = permissions(policy(allow("\"iam:PassRole\"", "\"*\"")
                + ", {\"Effect\": \"Deny\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\", "
                + "\"Condition\": {\"Bool\": {\"aws:ViaAWSService\": \"false\"}}}"));
        assertThat(codes(analysis)).contains("iam-passrole-star");
    }

    @Test
    void privilegeEscalationNeedsEveryActionOfAMethod() {
        PolicyAnalysis lambda = permissions(
                policy(allow("[\"iam:PassRole\", \"lambda:CreateFunction\", \"lambda:InvokeFunction\"]", "\"*\"")));
        assertThat(severity(lambda, "privilege-escalation")).isEqualTo(FindingSeverity.CRITICAL);
        assertThat(finding(lambda, "privilege-escalation").message()).contains("Lambda function and invoke it");
        PolicyAnalysis incomplete =
                permissions(policy(allow("[\"iam:PassRole\", \"lambda:CreateFunction\"]", "\"*\"")));
        assertThat(codes(incomplete)).doesNotContain("privilege-escalation");
    }

    @Test
    void passRoleToAnotherServiceDoesNotEnableTheLambdaMethod() {
        PolicyAnalysis analysis = permissions(policy(allow(
                        "\"iam:PassRole\"",
                        "\"*\"",
                        "{\"StringEquals\": {\"iam:PassedToService\": \"ec2.amazonaws.com\"}}")
                + ", " + allow("[\"lambda:CreateFunction\", \"lambda:InvokeFunction\"]", "\"*\"")));
        assertThat(codes(analysis)).doesNotContain("privilege-escalation");
    }

    @Test
    void escalationOnSomeResourcesOnlyIsHigh() {
        PolicyAnalysis analysis =
                permissions(policy(allow("\"iam:AttachRolePolicy\"", "\"arn:aws:iam::111122223333:role/app-*\"")));
        assertThat(severity(analysis, "privilege-escalation")).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void passRoleOnEveryRoleIsHighWithoutAndLowWithPassedToService() {
        assertThat(severity(permissions(policy(allow("\"iam:PassRole\"", "\"*\""))), "iam-passrole-star"))
                .isEqualTo(FindingSeverity.HIGH);
        PolicyAnalysis scoped = permissions(policy(allow(
                "\"iam:PassRole\"",
                "\"*\"",
                "{\"StringEquals\": {\"iam:PassedToService\": \"ecs-tasks.amazonaws.com\"}}")));
        assertThat(codes(scoped)).doesNotContain("iam-passrole-star").contains("iam-passrole-star-service-scoped");
        assertThat(severity(scoped, "iam-passrole-star-service-scoped")).isEqualTo(FindingSeverity.LOW);
        assertThat(finding(scoped, "iam-passrole-star-service-scoped").message())
                .contains("ecs-tasks.amazonaws.com");
        PolicyAnalysis listed =
                permissions(policy(allow("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/app\"")));
        assertThat(codes(listed)).doesNotContain("iam-passrole-star", "iam-passrole-star-service-scoped");
    }

    @Test
    void permissionsManagementOnEveryResourceIsHigh() {
        assertThat(severity(
                        permissions(policy(allow("\"s3:PutBucketPolicy\"", "\"*\""))), "permissions-management-star"))
                .isEqualTo(FindingSeverity.HIGH);
        assertThat(codes(permissions(policy(allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::invoices\"")))))
                .doesNotContain("permissions-management-star");
    }

    @Test
    void credentialsDataAndWritesOnEveryResource() {
        PolicyAnalysis analysis = permissions(policy(allow(
                "[\"ec2:GetPasswordData\", \"secretsmanager:GetSecretValue\", \"ec2:TerminateInstances\"]", "\"*\"")));
        assertThat(severity(analysis, "credentials-exposure-star")).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(analysis, "credentials-exposure-star").message()).contains("ec2:GetPasswordData");
        assertThat(finding(analysis, "data-exfiltration-star").message()).contains("secretsmanager:GetSecretValue");
        assertThat(finding(analysis, "write-star").message()).contains("ec2:TerminateInstances");
    }

    @Test
    void actionsThatOnlyWorkOnEveryResourceAreNotBlamedForIt() {
        assertThat(codes(permissions(policy(allow("\"ecr:GetAuthorizationToken\"", "\"*\"")))))
                .doesNotContain("credentials-exposure-star");
    }

    @Test
    void writeFindingsCountActionsPerService() {
        PolicyAnalysis analysis = permissions(policy(allow("[\"ec2:*\", \"s3:Put*\"]", "\"*\"")));
        assertThat(finding(analysis, "write-star").message()).matches(".*actions in 2 services: ec2 \\(\\d+\\), s3.*");
    }

    @Test
    void serviceLinkedRolesNeedTheServiceName() {
        assertThat(severity(
                        permissions(policy(allow("\"iam:CreateServiceLinkedRole\"", "\"*\""))),
                        "service-linked-role-unscoped"))
                .isEqualTo(FindingSeverity.LOW);
        assertThat(codes(permissions(policy(allow(
                        "\"iam:CreateServiceLinkedRole\"",
                        "\"*\"",
                        "{\"StringEquals\": {\"iam:AWSServiceName\": \"ecs.amazonaws.com\"}}")))))
                .doesNotContain("service-linked-role-unscoped");
    }

    @Test
    void boundaryEscapeWhenTheRoleHasABoundary() {
        String boundaryArn = "arn:aws:iam::111122223333:policy/boundary";
        PolicyAnalysis analysis = Roles.ANALYSER.analyse(PolicyAnalysisRequest.builder()
                .permissionPolicy(new PolicyInput(
                        "inline",
                        policy(allow("\"iam:CreateRole\"", "\"*\"") + ", "
                                + allow("\"iam:CreatePolicyVersion\"", "\"" + boundaryArn + "\""))))
                .permissionsBoundaryArn(boundaryArn)
                .build());
        assertThat(analysis.findings().stream().filter(f -> f.code().equals("boundary-escape")))
                .extracting(f -> f.message())
                .anySatisfy(message -> assertThat(message).contains("iam:CreateRole without a condition"))
                .anySatisfy(message -> assertThat(message).contains("rewrite its own permissions boundary"));
        assertThat(severity(analysis, "boundary-escape")).isEqualTo(FindingSeverity.HIGH);
        PolicyAnalysis conditioned = permissions(policy(allow(
                "\"iam:CreateRole\"",
                "\"*\"",
                "{\"StringEquals\": {\"iam:PermissionsBoundary\": \"" + boundaryArn + "\"}}")));
        assertThat(codes(conditioned)).doesNotContain("boundary-escape");
    }

    @Test
    void riskyStatementShapesAreReportedWhereWritten() {
        PolicyAnalysis analysis =
                permissions(policy("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}, "
                        + "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"NotResource\": \"arn:aws:s3:::secret/*\"}, "
                        + allow("\"dynamodb:*\"", "\"arn:aws:dynamodb:eu-west-1:111122223333:table/orders\"")));
        assertThat(severity(analysis, "allow-not-action")).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(analysis, "allow-not-action").locationText()).contains("statement 1 · NotAction");
        assertThat(severity(analysis, "allow-not-resource")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding(analysis, "service-wildcard").message()).contains("dynamodb:*");
        assertThat(finding(analysis, "service-wildcard").locationText()).contains("statement 3");
    }

    @Test
    void aWildcardArnForEveryRoleIsPassRoleOnEveryRoleInEveryAccount() {
        PolicyAnalysis analysis = permissions(policy(allow("\"iam:PassRole\"", "\"arn:aws:iam::*:role/*\"")));
        assertThat(severity(analysis, "iam-passrole-star")).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(analysis, "iam-passrole-star").message())
                .contains("every role in every account (arn:aws:iam::*:role/*)");
    }

    @Test
    void aBroadFindingNamesOnlyThePatternsThatReachItsOwnActions() {
        PolicyAnalysis analysis = permissions(policy(allow(
                "[\"iam:PassRole\", \"cloudtrail:StopLogging\"]",
                "[\"arn:aws:cloudtrail:*:*:trail/*\", \"arn:aws:iam::*:role/*\"]")));
        assertThat(finding(analysis, "iam-passrole-star").message())
                .contains("every role in every account (arn:aws:iam::*:role/*)")
                .doesNotContain("trail/*");
        assertThat(finding(analysis, "defence-evasion").message())
                .contains("(arn:aws:cloudtrail:*:*:trail/*)")
                .doesNotContain("role/*");
    }

    @Test
    void everyRoleOfOneAccountIsItsOwnScopeAndStillHigh() {
        PolicyAnalysis passRole =
                permissions(policy(allow("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/*\"")));
        assertThat(severity(passRole, "iam-passrole-star")).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(passRole, "iam-passrole-star").message()).contains("every role in 111122223333");
        PolicyAnalysis management =
                permissions(policy(allow("\"iam:AttachRolePolicy\"", "\"arn:aws:iam::111122223333:role/*\"")));
        assertThat(severity(management, "permissions-management-star")).isEqualTo(FindingSeverity.HIGH);
        PolicyAnalysis credentials =
                permissions(policy(allow("\"iam:CreateAccessKey\"", "\"arn:aws:iam::111122223333:user/*\"")));
        assertThat(severity(credentials, "credentials-exposure-star")).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(credentials, "credentials-exposure-star").message()).contains("every user in 111122223333");
    }

    @Test
    void inOneAccountDataReadsStayMediumAndWritesAreLow() {
        PolicyAnalysis analysis = permissions(policy(allow(
                "[\"dynamodb:GetItem\", \"dynamodb:PutItem\"]",
                "\"arn:aws:dynamodb:eu-west-1:111122223333:table/*\"")));
        assertThat(severity(analysis, "data-exfiltration-star")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(severity(analysis, "write-star")).isEqualTo(FindingSeverity.LOW);
        assertThat(finding(analysis, "write-star").message()).contains("every table in 111122223333");
    }

    @Test
    void aNarrowerArnIsNoStarFinding() {
        PolicyAnalysis analysis = permissions(policy(
                allow("[\"iam:PassRole\", \"iam:AttachRolePolicy\"]", "\"arn:aws:iam::111122223333:role/app/*\"")));
        assertThat(codes(analysis)).doesNotContain("iam-passrole-star", "permissions-management-star");
    }

    @Test
    void aConditionalWildcardArnIsOneStepLowerThanAnUnconditionalOne() {
        PolicyAnalysis analysis = permissions(policy(allow(
                "\"kms:CreateGrant\"",
                "\"arn:aws:kms:*:*:key/*\"",
                "{\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}")));
        assertThat(severity(analysis, "permissions-management-star")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(severity(analysis, "resource-exposure")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding(analysis, "resource-exposure").message())
                .contains("under conditions: Bool kms:GrantIsForAWSResource = true");
        PolicyAnalysis unconditional = permissions(policy(allow("\"kms:CreateGrant\"", "\"arn:aws:kms:*:*:key/*\"")));
        assertThat(severity(unconditional, "resource-exposure")).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void aWildcardArnCountsForTheEscalationSeverityToo() {
        PolicyAnalysis analysis = permissions(policy(allow(
                "[\"iam:PassRole\", \"lambda:CreateFunction\", \"lambda:InvokeFunction\"]",
                "[\"arn:aws:iam::*:role/*\", \"arn:aws:lambda:*:*:function:*\"]")));
        assertThat(severity(analysis, "privilege-escalation")).isEqualTo(FindingSeverity.CRITICAL);
        PolicyAnalysis named = permissions(policy(allow(
                "[\"iam:PassRole\", \"lambda:CreateFunction\", \"lambda:InvokeFunction\"]",
                "\"arn:aws:iam::111122223333:role/app/worker\"")));
        assertThat(severity(named, "privilege-escalation")).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void theReachNamedIsTheFirstStatementsAndTheOthersAreListedApart() {
        PolicyAnalysis analysis = permissions(policy(allow("\"kms:CreateGrant\"", "\"arn:aws:kms:*:*:key/*\"") + ", "
                + allow("\"sqs:AddPermission\"", "\"arn:aws:sqs:*:*:*\"")));
        assertThat(finding(analysis, "resource-exposure").message())
                .contains("every key in every account (arn:aws:kms:*:*:key/*): kms:CreateGrant; "
                        + "in other statements too: sqs:AddPermission");
    }
}
