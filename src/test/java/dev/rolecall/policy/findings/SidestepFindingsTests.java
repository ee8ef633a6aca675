package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.allow;
import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static dev.rolecall.policy.findings.Roles.permissions;
import static dev.rolecall.policy.findings.Roles.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.FindingCategory;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Policies that look narrower or harmless to a hurried reader, and what the analysis says about
 * them: wildcards written as ARNs, exposure of one resource, blinding detection, escalation through
 * services, conditions that limit nothing and statements that grant nothing.
 */
class SidestepFindingsTests {

    @Test
    void passRoleOnEveryRoleWrittenAsAnArn() {
        PolicyFinding finding = finding(
                permissions(policy(allow("\"iam:PassRole\"", "\"arn:aws:iam::*:role/*\""))), "iam-passrole-star");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding.message()).contains("every role in every account");
    }

    @Test
    void bucketPolicyOnEveryBucketWrittenAsAnArn() {
        PolicyAnalysis analysis = permissions(policy(allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::*\"")));
        assertThat(finding(analysis, "resource-exposure").severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(analysis, "resource-exposure").message()).contains("every bucket in every account");
        assertThat(finding(analysis, "permissions-management-star").severity()).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void secretReadsOnEverySecretWrittenAsAnArn() {
        PolicyFinding finding = finding(
                permissions(
                        policy(allow("\"secretsmanager:GetSecretValue\"", "\"arn:aws:secretsmanager:*:*:secret:*\""))),
                "data-exfiltration-star");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding.message()).contains("every Secret in every account").contains("GetSecretValue");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            arn:*:cloudtrail:*:*:trail/*
            *
            """)
    void stoppingAndBlindingCloudTrailIsHighDefenceEvasion(String resource) {
        PolicyAnalysis analysis = permissions(policy(
                allow("[\"cloudtrail:PutEventSelectors\", \"cloudtrail:StopLogging\"]", "\"" + resource + "\"")));
        PolicyFinding finding = finding(analysis, "defence-evasion");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding.category()).isEqualTo(FindingCategory.DEFENCE_EVASION);
        assertThat(finding.message()).contains("cloudtrail:PutEventSelectors", "cloudtrail:StopLogging");
    }

    @Test
    void bucketPolicyOnOneNamedBucketIsExposureOfThatBucket() {
        PolicyFinding finding = finding(
                permissions(policy(allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::payroll-exports\""))),
                "resource-exposure");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding.message()).contains("s3:PutBucketPolicy on arn:aws:s3:::payroll-exports");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ecs:ExecuteCommand                                                   | Run commands in a running ECS task with ECS Exec
            cloudformation:CreateChangeSet, cloudformation:ExecuteChangeSet     | through a change set, as the stack's role
            ec2:CreateLaunchTemplateVersion, ec2:ModifyLaunchTemplate           | Make a new launch template version the default
            sagemaker:CreateNotebookInstanceLifecycleConfig, sagemaker:StopNotebookInstance, sagemaker:UpdateNotebookInstance, sagemaker:StartNotebookInstance | lifecycle configuration to an existing SageMaker notebook
            iam:PassRole, glue:CreateJob, glue:CreateTrigger                    | new Glue job started by a trigger
            iam:PassRole, codebuild:CreateProject, codebuild:StartBuildBatch    | batch build of a new CodeBuild project
            iam:PassRole, ecs:RegisterTaskDefinition, ecs:StartTask             | new ECS task with a passed role on a chosen container instance
            iam:PassRole, cloudformation:CreateStackSet, cloudformation:CreateStackInstances | new CloudFormation StackSet
            iam:PassRole, lambda:CreateFunction, lambda:AddPermission           | let another account invoke it
            iam:PassRole, sagemaker:CreateNotebookInstance, sagemaker:CreatePresignedNotebookInstanceUrl | new SageMaker notebook and open it
            iam:PassRole, datapipeline:CreatePipeline, datapipeline:PutPipelineDefinition, datapipeline:ActivatePipeline | new Data Pipeline
            """)
    void runningCodeAsARoleIsTheEscalationItIs(String actions, String method) {
        String list = "[\"" + String.join("\", \"", actions.split(",\\s*")) + "\"]";
        PolicyFinding finding = finding(permissions(policy(allow(list, "\"*\""))), "privilege-escalation");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.CRITICAL);
        assertThat(finding.message()).contains(method);
    }

    @Test
    void aConditionOnAKeyS3NeverSetsLimitsNothing() {
        PolicyAnalysis analysis = permissions(
                policy(allow("\"s3:*\"", "\"*\"", "{\"StringNotEquals\": {\"iam:ResourceTag/status\": \"locked\"}}")));
        assertThat(finding(analysis, "condition-limits-nothing").message()).contains("limits nothing");
        assertThat(finding(analysis, "permissions-management-star").severity()).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void notResourceStarGrantsNothingAndRaisesNoAlarm() {
        PolicyAnalysis analysis =
                permissions(policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"NotResource\": \"*\"}"));
        PolicyFinding finding = finding(analysis, "statement-covers-nothing");
        assertThat(finding.message()).contains("This statement grants nothing");
        assertThat(codes(analysis)).doesNotContain("data-exfiltration-star", "allow-not-resource");
        assertThat(analysis.riskLevel().name()).isEqualTo("LOW");
    }

    @Test
    void notActionStarGrantsNothingAndRaisesNoAlarm() {
        PolicyAnalysis analysis =
                permissions(policy("{\"Effect\": \"Allow\", \"NotAction\": \"*\", \"Resource\": \"*\"}"));
        assertThat(finding(analysis, "statement-covers-nothing").message()).contains("grants nothing");
        assertThat(codes(analysis)).doesNotContain("allow-not-action", "full-admin");
        PolicyAnalysis deny = permissions(policy(allow("\"s3:GetObject\"", "\"*\"")
                + ", {\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"*\"}"));
        assertThat(finding(deny, "statement-covers-nothing").message()).contains("This statement denies nothing");
    }

    @Test
    void theRegistryTokenIsALowCredentialFindingWithItsReason() {
        PolicyFinding finding =
                finding(permissions(policy(allow("\"ecr:GetAuthorizationToken\"", "\"*\""))), "credentials-token");
        assertThat(finding.severity()).isEqualTo(FindingSeverity.LOW);
        assertThat(finding.message()).contains("a registry token valid for 12 hours");
    }
}
