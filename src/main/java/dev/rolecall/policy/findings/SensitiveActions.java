package dev.rolecall.policy.findings;

import dev.rolecall.policy.catalog.AccessLevel;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamCatalog;
import java.util.List;
import java.util.Set;

/**
 * Action sets the permission checks look for, resolved against the catalog once. Only actions that
 * can be scoped to a resource count as "on every resource": for those that work only on {@code *}
 * (e.g. {@code ecr:GetAuthorizationToken}) there is nothing narrower to ask for.
 */
final class SensitiveActions {

    /** Actions that return credentials, tokens or passwords (cloudsplaining's credentials exposure, extended). */
    static final List<String> CREDENTIALS = List.of(
            "iam:CreateAccessKey",
            "iam:UpdateAccessKey",
            "iam:CreateServiceSpecificCredential",
            "iam:ResetServiceSpecificCredential",
            "iam:CreateLoginProfile",
            "iam:UpdateLoginProfile",
            "sts:AssumeRole",
            "sts:GetFederationToken",
            "sts:GetServiceBearerToken",
            "ecr:GetAuthorizationToken",
            "ecr-public:GetAuthorizationToken",
            "codeartifact:GetAuthorizationToken",
            "redshift:GetClusterCredentials",
            "redshift:GetClusterCredentialsWithIAM",
            "redshift-serverless:GetCredentials",
            "rds-db:connect",
            "cognito-identity:GetCredentialsForIdentity",
            "cognito-identity:GetOpenIdToken",
            "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
            "gamelift:GetInstanceAccess",
            "gamelift:RequestUploadCredentials",
            "gamelift:GetComputeAccess",
            "lightsail:GetInstanceAccessDetails",
            "lightsail:GetRelationalDatabaseMasterUserPassword",
            "lightsail:DownloadDefaultKeyPair",
            "lightsail:CreateBucketAccessKey",
            "mediapackage:RotateChannelCredentials",
            "mediapackage:RotateIngestEndpointCredentials",
            "ec2:GetPasswordData",
            "s3express:CreateSession",
            "chime:CreateApiKey",
            "appsync:CreateApiKey",
            "cloud9:CreateEnvironmentToken",
            "datazone:GetIamPortalLoginUrl",
            "sso-oauth:CreateTokenWithIAM");

    /** Reads of secrets and stored data (cloudsplaining's data exfiltration, extended). */
    static final List<String> DATA_EXFILTRATION = List.of(
            "s3:GetObject",
            "s3:GetObjectVersion",
            "ssm:GetParameter",
            "ssm:GetParameters",
            "ssm:GetParametersByPath",
            "ssm:GetParameterHistory",
            "secretsmanager:GetSecretValue",
            "secretsmanager:BatchGetSecretValue",
            "kms:Decrypt",
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:Scan");

    /** Services whose roles run code that someone else can change: their trust raises the risk. */
    static final Set<String> COMPUTE_SERVICES = Set.of(
            "lambda.amazonaws.com",
            "edgelambda.amazonaws.com",
            "ec2.amazonaws.com",
            "ecs-tasks.amazonaws.com",
            "ecs.amazonaws.com",
            "eks.amazonaws.com",
            "pods.eks.amazonaws.com",
            "glue.amazonaws.com",
            "codebuild.amazonaws.com",
            "sagemaker.amazonaws.com",
            "batch.amazonaws.com",
            "elasticmapreduce.amazonaws.com",
            "emr-serverless.amazonaws.com",
            "states.amazonaws.com",
            "datapipeline.amazonaws.com",
            "tasks.apprunner.amazonaws.com",
            "build.apprunner.amazonaws.com",
            "cloudformation.amazonaws.com",
            "airflow.amazonaws.com",
            "airflow-env.amazonaws.com",
            "databrew.amazonaws.com",
            "bedrock-agentcore.amazonaws.com",
            "ssm.amazonaws.com");

    final ActionSet credentials;
    final ActionSet dataExfiltration;
    final ActionSet permissionsManagement;
    final ActionSet write;
    final ActionSet scopable;
    final List<Escalation> escalations;

    /** A privilege-escalation method with its actions resolved. */
    record Escalation(EscalationMethod method, ActionSet actions) {}

    SensitiveActions(IamCatalog catalog, EscalationMethods methods) {
        this.scopable = catalog.all().filter(action -> !action.resourceTypes().isEmpty());
        this.credentials = catalog.actionsNamed(CREDENTIALS).intersect(scopable);
        this.dataExfiltration = catalog.actionsNamed(DATA_EXFILTRATION).intersect(scopable);
        this.permissionsManagement = catalog.all()
                .filter(action -> action.accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT)
                .intersect(scopable);
        this.write = catalog.all()
                .filter(action -> action.accessLevel() == AccessLevel.WRITE)
                .intersect(scopable);
        this.escalations = methods.all().stream()
                .map(method -> new Escalation(method, catalog.actionsNamed(method.actions())))
                .filter(escalation -> !escalation.actions().isEmpty())
                .toList();
    }
}
