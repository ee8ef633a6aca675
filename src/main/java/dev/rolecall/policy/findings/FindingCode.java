package dev.rolecall.policy.findings;

import static dev.rolecall.policy.analysis.FindingCategory.CONDITIONS;
import static dev.rolecall.policy.analysis.FindingCategory.CREDENTIALS_EXPOSURE;
import static dev.rolecall.policy.analysis.FindingCategory.DATA_EXFILTRATION;
import static dev.rolecall.policy.analysis.FindingCategory.DEFENCE_EVASION;
import static dev.rolecall.policy.analysis.FindingCategory.HYGIENE;
import static dev.rolecall.policy.analysis.FindingCategory.INFRASTRUCTURE_MODIFICATION;
import static dev.rolecall.policy.analysis.FindingCategory.PRIVILEGE_ESCALATION;
import static dev.rolecall.policy.analysis.FindingCategory.RESOURCE_EXPOSURE;
import static dev.rolecall.policy.analysis.FindingCategory.SERVICE_WILDCARD;
import static dev.rolecall.policy.analysis.FindingCategory.TRUST;
import static dev.rolecall.policy.analysis.FindingCategory.VALIDITY;
import static dev.rolecall.policy.analysis.FindingSeverity.BLOCK;
import static dev.rolecall.policy.analysis.FindingSeverity.CRITICAL;
import static dev.rolecall.policy.analysis.FindingSeverity.HIGH;
import static dev.rolecall.policy.analysis.FindingSeverity.INFO;
import static dev.rolecall.policy.analysis.FindingSeverity.LOW;
import static dev.rolecall.policy.analysis.FindingSeverity.MEDIUM;

import dev.rolecall.policy.analysis.FindingCategory;
import dev.rolecall.policy.analysis.FindingSeverity;

/**
 * Every finding the analysis makes, with its stable code, usual severity, why it matters and how
 * to fix it. Codes never change meaning: routing rules and people refer to them.
 */
public enum FindingCode {
    // Trust
    TRUST_ANY_PRINCIPAL(
            "trust-any-principal",
            CRITICAL,
            TRUST,
            "Anyone with an AWS account can assume the role and use all of its permissions.",
            "Name the accounts, roles or services that need the role, or add a condition on aws:PrincipalOrgID "
                    + "or aws:PrincipalArn."),
    TRUST_ANY_PRINCIPAL_CONDITIONED(
            "trust-any-principal-conditioned",
            MEDIUM,
            TRUST,
            "Every principal may try; only the conditions keep outsiders out, and a weak or mistyped condition "
                    + "opens the role to everyone.",
            "Prefer naming the principals; otherwise review that the conditions pin the caller down."),
    TRUST_UNKNOWN_ACCOUNT(
            "trust-unknown-account",
            HIGH,
            TRUST,
            "The role trusts an account that is not in Rolecall's account registry: people outside the "
                    + "organisation may be able to use it.",
            "Check the account ID; if it is a vendor's, require sts:ExternalId and document why."),
    TRUST_CROSS_ACCOUNT_NO_EXTERNAL_ID(
            "trust-cross-account-no-external-id",
            MEDIUM,
            TRUST,
            "A service acting for several customers can be tricked into assuming the role for someone else "
                    + "(the confused deputy problem).",
            "Add a StringEquals condition on sts:ExternalId with the value the other party gave you."),
    TRUST_ACCOUNT_ROOT(
            "trust-account-root",
            LOW,
            TRUST,
            "Trusting an account's root delegates the decision to that account's administrators: every "
                    + "principal they allow sts:AssumeRole can use this role.",
            "Name the specific role ARN, or add a condition on aws:PrincipalArn."),
    TRUST_OIDC_NO_CONDITIONS(
            "trust-oidc-no-conditions",
            CRITICAL,
            TRUST,
            "Every identity of the provider — for public providers, anyone on the internet — can assume the role.",
            "Add conditions on the provider's aud and sub claims."),
    TRUST_GITHUB_NO_SUB(
            "trust-github-no-sub",
            BLOCK,
            TRUST,
            "Any GitHub Actions workflow in any repository, including an attacker's, can assume the role.",
            "Add a StringEquals (or StringLike) condition on token.actions.githubusercontent.com:sub, e.g. "
                    + "repo:my-org/my-repo:ref:refs/heads/main."),
    TRUST_GITHUB_WILDCARD_SUB(
            "trust-github-wildcard-sub",
            HIGH,
            TRUST,
            "A wildcard in the organisation or repository part of sub lets workflows of other repositories "
                    + "(or other organisations) assume the role.",
            "Spell out the organisation and repository; limit the branch or environment after them."),
    TRUST_EKS_SUB_MISSING(
            "trust-eks-sub-missing",
            HIGH,
            TRUST,
            "Every service account in every namespace of the cluster can assume the role.",
            "Add a StringEquals condition on <provider>:sub with system:serviceaccount:<namespace>:<name>."),
    TRUST_EKS_SUB_WILDCARD(
            "trust-eks-sub-wildcard",
            HIGH,
            TRUST,
            "A wildcard over the namespace or service account lets other workloads of the cluster assume the role.",
            "Name the namespace and service account exactly: system:serviceaccount:<namespace>:<name>."),
    TRUST_OIDC_NO_AUD(
            "trust-oidc-no-aud",
            MEDIUM,
            TRUST,
            "Without an audience check, tokens the provider issued for other clients are accepted.",
            "Add a StringEquals condition on <provider>:aud (sts.amazonaws.com for GitHub Actions and EKS)."),
    TRUST_SERVICE_NO_SOURCE(
            "trust-service-no-source",
            INFO,
            TRUST,
            "Where the service supports it, aws:SourceArn or aws:SourceAccount stops the service from "
                    + "assuming the role on behalf of another account's resource.",
            "Add a condition on aws:SourceAccount (and aws:SourceArn) naming your account and resource."),
    TRUST_POD_IDENTITY_UNSCOPED(
            "trust-pod-identity-unscoped",
            MEDIUM,
            TRUST,
            "Any pod of any cluster in the account that gets an EKS Pod Identity association can use the role.",
            "Add conditions on aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account "
                    + "(and aws:SourceArn for the cluster)."),
    TRUST_ACTION_PRINCIPAL_MISMATCH(
            "trust-action-principal-mismatch",
            MEDIUM,
            TRUST,
            "The statement does not allow the action this kind of principal assumes roles with, or allows "
                    + "actions that do not belong in a trust policy: it does not work as written.",
            "Use sts:AssumeRole for AWS principals and services, sts:AssumeRoleWithWebIdentity for OIDC "
                    + "providers and sts:AssumeRoleWithSAML for SAML providers (plus sts:TagSession where needed)."),

    // Permissions, on the effective set
    FULL_ADMIN(
            "full-admin",
            CRITICAL,
            PRIVILEGE_ESCALATION,
            "The role can do everything in the account, including granting itself and others any access.",
            "Grant the actions and resources the workload needs; start from an AWS managed job-function policy."),
    PRIVILEGE_ESCALATION_PATH(
            "privilege-escalation",
            CRITICAL,
            PRIVILEGE_ESCALATION,
            "These actions together let the role give itself (or a role it controls) more permissions than "
                    + "it was granted.",
            "Remove the actions, or scope them to resources that cannot lead back to more access."),
    PASSROLE_STAR(
            "iam-passrole-star",
            HIGH,
            PRIVILEGE_ESCALATION,
            "iam:PassRole on every role lets the role hand any role in the account, including admin roles, "
                    + "to a service it controls.",
            "List the role ARNs it may pass and add a condition on iam:PassedToService."),
    PASSROLE_STAR_SERVICE_SCOPED(
            "iam-passrole-star-service-scoped",
            LOW,
            PRIVILEGE_ESCALATION,
            "iam:PassedToService limits which service receives a role, but any role may still be passed to it.",
            "List the role ARNs it may pass."),
    PERMISSIONS_MANAGEMENT_STAR(
            "permissions-management-star",
            HIGH,
            RESOURCE_EXPOSURE,
            "Permissions-management actions on every resource can change who may access resources: "
                    + "resource policies, grants and IAM entities.",
            "Scope these actions to the resources the workload owns, or remove them."),
    CREDENTIALS_EXPOSURE_STAR(
            "credentials-exposure-star",
            HIGH,
            CREDENTIALS_EXPOSURE,
            "These actions return credentials, tokens or passwords that work outside the role's own limits.",
            "Scope them to specific resources, or remove them."),
    DATA_EXFILTRATION_STAR(
            "data-exfiltration-star",
            MEDIUM,
            DATA_EXFILTRATION,
            "These actions read secrets and stored data from every resource of their service.",
            "Scope them to the buckets, parameters and secrets the workload needs."),
    WRITE_STAR(
            "write-star",
            MEDIUM,
            INFRASTRUCTURE_MODIFICATION,
            "Write actions on every resource let the role change or delete anything of those services.",
            "Scope write actions to the resources the workload owns."),
    RESOURCE_POLICY_CHANGE(
            "resource-exposure",
            MEDIUM,
            RESOURCE_EXPOSURE,
            "These actions change who may access a resource: a resource policy, ACL, grant, trust policy or "
                    + "sharing setting can open it to another account or to everyone, even when only one resource "
                    + "is named.",
            "Leave resource policies to the team that owns the resource; otherwise name the resources and review "
                    + "each change (an SCP or the permissions boundary can deny public access)."),
    DEFENCE_EVASION_ACTIONS(
            "defence-evasion",
            HIGH,
            DEFENCE_EVASION,
            "These actions stop or blind logging and threat detection (CloudTrail, GuardDuty, Config, Security "
                    + "Hub, log groups): whatever is done next goes unrecorded.",
            "Remove them; leave trails, detectors, recorders and log groups to the security team's account and "
                    + "protect them with an SCP."),
    CREDENTIALS_ON_STAR_ONLY(
            "credentials-token",
            LOW,
            CREDENTIALS_EXPOSURE,
            "These actions return a token or credentials; they work only on *, so there is nothing narrower to "
                    + "ask for, but whoever holds the token can act without the role until it expires.",
            "Keep them only where the workload needs the token."),
    SERVICE_WILDCARD_ACTION(
            "service-wildcard",
            MEDIUM,
            SERVICE_WILDCARD,
            "service:* grants every current and future action of the service, including permissions management.",
            "List the actions the workload calls."),
    ALLOW_NOT_ACTION(
            "allow-not-action",
            HIGH,
            PRIVILEGE_ESCALATION,
            "Allow with NotAction grants every action except those listed, including actions of services "
                    + "added later.",
            "List the allowed actions instead; use a Deny statement for exceptions."),
    ALLOW_NOT_RESOURCE(
            "allow-not-resource",
            MEDIUM,
            RESOURCE_EXPOSURE,
            "Allow with NotResource grants access to every resource except those listed, including ones "
                    + "created later.",
            "List the allowed resources instead."),
    CREATE_SERVICE_LINKED_ROLE_UNSCOPED(
            "service-linked-role-unscoped",
            LOW,
            PRIVILEGE_ESCALATION,
            "iam:CreateServiceLinkedRole without iam:AWSServiceName can create the service-linked role of any "
                    + "service, with that service's permissions.",
            "Add a StringEquals condition on iam:AWSServiceName, or scope the resource to the service's "
                    + "role path."),
    BOUNDARY_ESCAPE(
            "boundary-escape",
            HIGH,
            PRIVILEGE_ESCALATION,
            "The role can create principals without a permissions boundary, remove boundaries or rewrite its "
                    + "own boundary: the boundary no longer caps what it can do.",
            "Require the boundary with a condition on iam:PermissionsBoundary, and deny changes to the "
                    + "boundary policy and to boundaries."),

    // Conditions
    SET_OPERATOR_SINGLE_VALUED(
            "set-operator-single-valued-key",
            MEDIUM,
            CONDITIONS,
            "ForAllValues is true when the key is missing, and ForAnyValue/ForAllValues on a key with one value "
                    + "do not do what they seem: the condition may grant more than intended.",
            "Use the operator without ForAllValues/ForAnyValue for single-valued keys."),
    BROKEN_MFA(
            "broken-mfa-condition",
            HIGH,
            CONDITIONS,
            "aws:MultiFactorAuthPresent is missing for long-term access keys: Bool without IfExists in a Deny, "
                    + "or BoolIfExists in an Allow, lets requests without MFA through.",
            "Deny with BoolIfExists aws:MultiFactorAuthPresent false, or allow with Bool "
                    + "aws:MultiFactorAuthPresent true."),
    OPERATOR_TYPE_MISMATCH(
            "operator-type-mismatch",
            MEDIUM,
            CONDITIONS,
            "The operator compares a different type of value than the key holds: the condition never matches "
                    + "as intended.",
            "Use the operator family of the key's type (String, Numeric, Date, Bool, IpAddress, Arn)."),
    CONDITION_LIMITS_NOTHING(
            "condition-limits-nothing",
            MEDIUM,
            CONDITIONS,
            "The condition looks like a limit but cannot depend on the request: its key is in no request of the "
                    + "statement's actions (or is always the role's own account). With a negated operator or "
                    + "IfExists it is always true, and the statement counts as unconditional; otherwise it is "
                    + "never true.",
            "Use a condition key that the statement's actions carry (the Service Authorization Reference lists "
                    + "them per action), e.g. aws:ResourceTag/… or the service's own keys."),
    WILDCARD_WITHOUT_LIKE(
            "wildcard-without-like",
            LOW,
            CONDITIONS,
            "StringEquals compares * and ? literally: the condition matches only that exact text.",
            "Use StringLike (or StringNotLike) for patterns."),

    // Hygiene
    UNKNOWN_SERVICE(
            "unknown-service",
            LOW,
            HYGIENE,
            "IAM accepts unknown services silently and grants nothing for them: a typo, or a service newer than "
                    + "Rolecall's catalog.",
            "Check the service prefix in the Service Authorization Reference."),
    UNKNOWN_ACTION(
            "unknown-action",
            LOW,
            HYGIENE,
            "IAM accepts unknown actions silently and grants nothing for them: a typo, or an action newer than "
                    + "Rolecall's catalog.",
            "Check the action name in the Service Authorization Reference."),
    UNKNOWN_RESOURCE(
            "unknown-resource",
            LOW,
            HYGIENE,
            "The ARN fits no resource type of the catalog: the statement may not cover what was intended.",
            "Check the ARN format in the Service Authorization Reference."),
    UNKNOWN_CONDITION_KEY(
            "unknown-condition-key",
            LOW,
            HYGIENE,
            "An unknown key is missing from every request: the condition never matches, or always does "
                    + "with IfExists and negated operators.",
            "Check the key name; keys are listed per service in the Service Authorization Reference."),
    VERSION_MISSING(
            "policy-version-missing",
            LOW,
            HYGIENE,
            "Without Version, IAM uses 2008-10-17, where policy variables such as ${aws:username} are plain text.",
            "Add \"Version\": \"2012-10-17\"."),
    VERSION_OLD(
            "policy-version-old",
            LOW,
            HYGIENE,
            "Version 2008-10-17 treats policy variables such as ${aws:username} as plain text.",
            "Use \"Version\": \"2012-10-17\"."),
    REDUNDANT_STATEMENT(
            "redundant-statement",
            INFO,
            HYGIENE,
            "Another statement already allows everything this one does: it adds size, not access.",
            "Remove the statement or merge it into the other."),
    AWS_MANAGED_POLICY_UNKNOWN(
            "aws-managed-policy-unknown",
            BLOCK,
            VALIDITY,
            "The ARN names no AWS managed policy Rolecall knows: IAM would refuse to attach it when the role is "
                    + "applied, and its permissions cannot be analysed.",
            "Use the ARN suggested, or check the policy name and path in the IAM console."),
    STATEMENT_COVERS_NOTHING(
            "statement-covers-nothing",
            LOW,
            HYGIENE,
            "NotResource or NotAction with \"*\" leaves nothing for the statement to apply to: it looks like "
                    + "access (or a guard) but does nothing.",
            "Remove the statement, or write the Resource or Action it was meant to name."),
    POLICY_NOT_ANALYSED(
            "policy-not-analysed",
            INFO,
            HYGIENE,
            "The document of a customer managed policy is not at hand, so its permissions are not analysed.",
            "Paste the policy as an inline policy to have it analysed, or review it separately."),

    // Validity: IAM would reject these
    POLICY_INVALID(
            "policy-invalid", BLOCK, VALIDITY, "IAM rejects the policy.", "Correct the policy as the message says."),
    TRUST_POLICY_TOO_LARGE(
            "trust-policy-too-large",
            BLOCK,
            VALIDITY,
            "IAM rejects a trust policy above the account's quota (counted without whitespace).",
            "Merge statements, or ask for a higher quota (at most 4,096 characters)."),
    INLINE_POLICIES_TOO_LARGE(
            "inline-policies-too-large",
            BLOCK,
            VALIDITY,
            "IAM rejects inline policies that together exceed 10,240 characters (counted without whitespace).",
            "Merge statements, or move some permissions to a managed policy.");

    private final String code;
    private final FindingSeverity severity;
    private final FindingCategory category;
    private final String why;
    private final String fix;

    FindingCode(String code, FindingSeverity severity, FindingCategory category, String why, String fix) {
        this.code = code;
        this.severity = severity;
        this.category = category;
        this.why = why;
        this.fix = fix;
    }

    /** The stable code, e.g. {@code iam-passrole-star}. */
    public String code() {
        return code;
    }

    /** The usual severity; a check may raise or lower it for a particular finding. */
    public FindingSeverity severity() {
        return severity;
    }

    public FindingCategory category() {
        return category;
    }

    public String whyItMatters() {
        return why;
    }

    public String howToFix() {
        return fix;
    }
}
