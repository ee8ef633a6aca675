package dev.rolecall.policy.permissions;

/**
 * A rule AWS applies to a few actions on top of its general policy evaluation logic. The simulator
 * names the rule that shaped a decision, so people can read why a policy that seems to allow does
 * not, or a deny that seems to apply does not.
 */
public enum AwsRule {
    /**
     * Identity policies alone never grant access to a KMS key: its key policy must allow the
     * principal, or allow the account (root) and so enable IAM policies.
     */
    KMS_KEY_POLICY(
            "A KMS key's key policy must allow access",
            "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html"),
    /**
     * Assuming a role (and tagging the session or setting its source identity) needs the role's
     * trust policy to allow the caller, even within one account; a trust policy that names the
     * account (root) leaves it to the caller's identity policies.
     */
    ROLE_TRUST_POLICY(
            "A role's trust policy must allow whoever assumes it",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html"),
    /** {@code sts:GetCallerIdentity} needs no permission and works even under an explicit deny. */
    CALLER_IDENTITY_ALWAYS_ALLOWED(
            "sts:GetCallerIdentity needs no permission",
            "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html"),
    /**
     * {@code sts:GetSessionToken} and {@code sts:GetFederationToken} accept only the long-term
     * credentials of an IAM user or the root user: a role session cannot call them.
     */
    LONG_TERM_CREDENTIALS_ONLY(
            "Only IAM users and the root user can get session or federation tokens",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html#stsapi_comparison");

    private final String title;
    private final String documentation;

    AwsRule(String title, String documentation) {
        this.title = title;
        this.documentation = documentation;
    }

    /** The rule in a few words, e.g. "A KMS key's key policy must allow access". */
    public String title() {
        return title;
    }

    /** The AWS documentation page that states the rule. */
    public String documentation() {
        return documentation;
    }
}
