package dev.rolecall.policy.findings;

import dev.rolecall.policy.catalog.AccessLevel;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamCatalog;
import java.util.List;
import java.util.Map;
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

    /**
     * What the credential-returning actions that work only on {@code *} hand out: there is no resource
     * to scope them to, so the finding says what the token is instead.
     */
    static final Map<String, String> TOKENS = Map.of(
            "ecr:GetAuthorizationToken",
            "a registry token valid for 12 hours that pulls from and pushes to every repository the role may use",
            "ecr-public:GetAuthorizationToken",
            "a token for the public registry, valid for 12 hours",
            "sts:GetServiceBearerToken",
            "a bearer token for services that accept one, such as CodeArtifact, valid for up to 12 hours",
            "cognito-identity:GetCredentialsForIdentity",
            "temporary AWS credentials for an identity pool's role",
            "cognito-identity:GetOpenIdToken",
            "an OpenID Connect token for an identity pool identity",
            "lightsail:DownloadDefaultKeyPair",
            "the private key of the Lightsail default key pair",
            "chime:CreateApiKey",
            "an API key",
            "appsync:CreateApiKey",
            "an API key that calls the GraphQL API without AWS credentials",
            "datazone:GetIamPortalLoginUrl",
            "a sign-in URL for the DataZone portal");

    /**
     * Actions that change who may access a resource: resource policies, ACLs, grants, trust policies
     * and sharing settings (cloudsplaining's resource exposure, narrowed to what opens access).
     */
    static final List<String> EXPOSURE = List.of(
            "s3:PutBucketPolicy",
            "s3:PutBucketAcl",
            "s3:PutObjectAcl",
            "s3:PutObjectVersionAcl",
            "s3:PutBucketPublicAccessBlock",
            "s3:PutAccountPublicAccessBlock",
            "s3:PutAccessPointPolicy",
            "s3:PutMultiRegionAccessPointPolicy",
            "s3:PutAccessPointPolicyForObjectLambda",
            "kms:PutKeyPolicy",
            "kms:CreateGrant",
            "secretsmanager:PutResourcePolicy",
            "sqs:SetQueueAttributes",
            "sqs:AddPermission",
            "sns:SetTopicAttributes",
            "sns:AddPermission",
            "lambda:AddPermission",
            "lambda:AddLayerVersionPermission",
            "lambda:CreateFunctionUrlConfig",
            "lambda:UpdateFunctionUrlConfig",
            "ecr:SetRepositoryPolicy",
            "ecr:PutRegistryPolicy",
            "ecr-public:SetRepositoryPolicy",
            "iam:UpdateAssumeRolePolicy",
            "glacier:SetVaultAccessPolicy",
            "elasticfilesystem:PutFileSystemPolicy",
            "backup:PutBackupVaultAccessPolicy",
            "events:PutPermission",
            "logs:PutResourcePolicy",
            "logs:PutDestinationPolicy",
            "glue:PutResourcePolicy",
            "apigateway:UpdateRestApiPolicy",
            "ec2:ModifySnapshotAttribute",
            "ec2:ModifyImageAttribute",
            "rds:ModifyDBSnapshotAttribute",
            "rds:ModifyDBClusterSnapshotAttribute",
            "redshift:AuthorizeSnapshotAccess",
            "codeartifact:PutRepositoryPermissionsPolicy",
            "codeartifact:PutDomainPermissionsPolicy",
            "mediastore:PutContainerPolicy",
            "serverlessrepo:PutApplicationPolicy",
            "dynamodb:PutResourcePolicy",
            "kinesis:PutResourcePolicy",
            "ram:CreateResourceShare",
            "ram:AssociateResourceShare",
            "aoss:CreateAccessPolicy",
            "aoss:UpdateAccessPolicy");

    /** Actions that stop or blind logging and threat detection. */
    static final List<String> DEFENCE_EVASION = List.of(
            "cloudtrail:StopLogging",
            "cloudtrail:DeleteTrail",
            "cloudtrail:PutEventSelectors",
            "cloudtrail:UpdateTrail",
            "cloudtrail:DeleteEventDataStore",
            "cloudtrail:StopEventDataStoreIngestion",
            "cloudtrail:UpdateEventDataStore",
            "guardduty:DeleteDetector",
            "guardduty:UpdateDetector",
            "guardduty:DisassociateFromMasterAccount",
            "guardduty:DisassociateFromAdministratorAccount",
            "guardduty:DeleteMembers",
            "guardduty:DisassociateMembers",
            "guardduty:StopMonitoringMembers",
            "guardduty:CreateIPSet",
            "guardduty:UpdateIPSet",
            "guardduty:CreateFilter",
            "guardduty:UpdateFilter",
            "guardduty:DeletePublishingDestination",
            "config:StopConfigurationRecorder",
            "config:DeleteConfigurationRecorder",
            "config:DeleteDeliveryChannel",
            "securityhub:DisableSecurityHub",
            "securityhub:BatchDisableStandards",
            "securityhub:DisableImportFindingsForProduct",
            "access-analyzer:DeleteAnalyzer",
            "macie2:DisableMacie",
            "inspector2:Disable",
            "detective:DeleteGraph",
            "detective:DisassociateMembership",
            "ec2:DeleteFlowLogs",
            "route53resolver:DeleteResolverQueryLogConfig",
            "logs:DeleteLogGroup",
            "logs:DeleteLogStream");

    /** Defence-evasion actions that count only on every resource: deleting a workload's own log group is housekeeping. */
    static final List<String> DEFENCE_EVASION_ON_EVERY_RESOURCE =
            List.of("logs:DeleteLogGroup", "logs:DeleteLogStream");

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
    /** Credential-returning actions that work only on {@code *}. */
    final ActionSet tokens;

    final ActionSet exposure;
    final ActionSet defenceEvasion;
    /** The defence-evasion actions that count only on every resource of their type. */
    final ActionSet defenceEvasionOnEveryResource;

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
        this.tokens = catalog.actionsNamed(CREDENTIALS).minus(scopable);
        this.exposure = catalog.actionsNamed(EXPOSURE);
        this.defenceEvasion = catalog.actionsNamed(DEFENCE_EVASION);
        this.defenceEvasionOnEveryResource = catalog.actionsNamed(DEFENCE_EVASION_ON_EVERY_RESOURCE);
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
