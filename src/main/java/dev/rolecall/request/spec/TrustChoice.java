package dev.rolecall.request.spec;

/**
 * What may assume a role, as typed fields: the input of the {@link TrustPolicyBuilder}. Only the
 * fields of the chosen {@link Kind} matter; the others are kept so that switching back and forth
 * loses nothing.
 *
 * @param sourceAccount whether an AWS service may assume the role only for resources of the role's
 *     own account ({@code aws:SourceAccount})
 * @param sourceArn optional {@code aws:SourceArn} pattern naming the resources the service acts for
 * @param account the other AWS account's 12-digit id
 * @param requireMfa whether the other account's callers must have signed in with MFA
 * @param oidcProvider the EKS cluster's OIDC provider: its issuer URL, host/path or provider ARN
 * @param githubRef the branch, tag or environment name; {@code *} and {@code ?} are wildcards
 */
public record TrustChoice(
        Kind kind,
        String service,
        boolean sourceAccount,
        String sourceArn,
        String account,
        String externalId,
        boolean requireMfa,
        String oidcProvider,
        String namespace,
        String serviceAccount,
        String githubOrg,
        String githubRepo,
        GitHubRef githubRefType,
        String githubRef,
        String samlProvider,
        String samlAudience) {

    /** The kinds of trusted entity the builder writes, and hand-written JSON. */
    public enum Kind {
        /** An AWS service, such as Lambda or ECS tasks. */
        SERVICE,
        /** Principals of another AWS account, with an ExternalId. */
        ACCOUNT,
        /** A Kubernetes service account of an EKS cluster (IRSA). */
        EKS,
        /** GitHub Actions workflows of one repository, through OIDC. */
        GITHUB,
        /** People signing in through a SAML identity provider. */
        SAML,
        /** A trust policy written as JSON: the builder leaves it alone. */
        JSON
    }

    /** What part of a GitHub repository's workflows the role trusts. */
    public enum GitHubRef {
        /** Workflows running on a branch: {@code ref:refs/heads/<name>}. */
        BRANCH,
        /** Workflows running on a tag: {@code ref:refs/tags/<name>}. */
        TAG,
        /** Jobs that use a deployment environment: {@code environment:<name>}. */
        ENVIRONMENT
    }

    /** GitHub Actions' token audience for AWS, and the audience of EKS service account tokens. */
    public static final String STS_AUDIENCE = "sts.amazonaws.com";

    /** The SAML audience of the AWS sign-in page. */
    public static final String AWS_SIGN_IN = "https://signin.aws.amazon.com/saml";

    /** A choice with nothing filled in but the defaults. */
    public static TrustChoice empty(Kind kind) {
        return new TrustChoice(
                kind, "", true, "", "", "", false, "", "", "", "", "", GitHubRef.BRANCH, "", "", AWS_SIGN_IN);
    }
}
