package dev.rolecall.policy.simulation;

import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.permissions.AwsRule;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The four places where AWS departs from its general evaluation logic, and which requests they
 * apply to. Each rule cites the AWS documentation that states it.
 */
final class SpecialRules {

    /**
     * "No permissions are required to perform this operation. If an administrator attaches a policy
     * to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can
     * still perform this operation." — AWS STS API Reference, GetCallerIdentity,
     * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
     */
    static final String GET_CALLER_IDENTITY = "sts:getcalleridentity";

    /**
     * "The GetSessionToken operation must be called by using the long-term AWS security credentials
     * of an IAM user" (API_GetSessionToken.html) and "You must call the GetFederationToken operation
     * using the long-term security credentials of an IAM user" (API_GetFederationToken.html), both in
     * the AWS STS API Reference; the table "Compare AWS STS credentials" lists who can call each
     * (IAM user or root user only):
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html#stsapi_comparison
     */
    private static final Set<String> LONG_TERM_ONLY = Set.of("sts:getsessiontoken", "sts:getfederationtoken");

    /**
     * The actions a role's trust policy decides: assuming the role, and tagging the session or
     * setting its source identity while doing so. IAM User Guide, "Policy evaluation for requests
     * within a single account": "IAM role trust policies and KMS key policies are exceptions to this
     * logic, because they must explicitly allow access for principals"
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html);
     * "Permissions required to add session tags" (sts:TagSession in the trust policy,
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required)
     * and "Permissions required to use source identity" (sts:SetSourceIdentity in the trust policy,
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html).
     */
    private static final Set<String> TRUST_ACTIONS = Set.of(
            "sts:assumerole",
            "sts:assumerolewithwebidentity",
            "sts:assumerolewithsaml",
            "sts:tagsession",
            "sts:setsourceidentity");

    private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z-]+:iam::\\d{12}:role/.+");
    private static final Pattern KEY_ARN = Pattern.compile("arn:[a-z-]+:kms:[a-z0-9-]*:\\d{12}:key/.+");

    private SpecialRules() {}

    static boolean isCallerIdentity(String action) {
        return action.toLowerCase(Locale.ROOT).equals(GET_CALLER_IDENTITY);
    }

    /** Whether the action accepts only long-term credentials and the caller is a role or its session. */
    static boolean needsLongTermCredentials(String action, Caller caller) {
        return LONG_TERM_ONLY.contains(action.toLowerCase(Locale.ROOT))
                && (caller.kind() == Caller.Kind.ROLE || caller.kind() == Caller.Kind.ROLE_SESSION);
    }

    /**
     * The rule under which the resource's own policy must allow the request even within one account:
     * {@link AwsRule#ROLE_TRUST_POLICY} for assuming a role, {@link AwsRule#KMS_KEY_POLICY} for
     * using a KMS key; null for every other request. A resource of {@code *} counts as "some role"
     * or "some key" when the action acts on one.
     *
     * <p>KMS: "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access
     * to a KMS key. Without permission from the key policy, IAM policies that allow permissions have
     * no effect." — AWS KMS Developer Guide, "Key policies in AWS KMS",
     * https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html. Actions that act on no
     * key (kms:CreateKey, kms:ListKeys, kms:GenerateRandom, …) and aliases are governed by IAM
     * policies alone; the IAM action catalog says which actions take a key.
     */
    static @Nullable AwsRule resourcePolicyRule(String action, String resource, IamCatalog catalog) {
        String lower = action.toLowerCase(Locale.ROOT);
        boolean anyResource = resource.equals("*");
        if (TRUST_ACTIONS.contains(lower)
                && (anyResource || ROLE_ARN.matcher(resource).matches())) {
            return AwsRule.ROLE_TRUST_POLICY;
        }
        if (lower.startsWith("kms:")) {
            if (KEY_ARN.matcher(resource).matches()) {
                return AwsRule.KMS_KEY_POLICY;
            }
            if (anyResource && actsOnKey(catalog.action(action))) {
                return AwsRule.KMS_KEY_POLICY;
            }
        }
        return null;
    }

    /** An action missing from the catalog is taken to act on a key: the cautious reading. */
    private static boolean actsOnKey(Optional<IamAction> action) {
        return action.map(a -> a.resourceTypes().contains("key")).orElse(true);
    }
}
