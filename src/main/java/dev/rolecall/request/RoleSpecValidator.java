package dev.rolecall.request;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.PolicyLimits;
import dev.rolecall.policy.PolicyProblem;
import dev.rolecall.policy.PolicyService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks a {@link RoleSpec} against IAM's formats and quotas before anything is saved, with one
 * message per field that a person can act on.
 */
@Component
class RoleSpecValidator {

    static final int MAX_USER_TAGS = 48;
    static final int MAX_INLINE_POLICY_CHARS = PolicyLimits.INLINE_POLICIES_CHARS;
    static final int MAX_JUSTIFICATION = 2000;
    static final Set<String> SYSTEM_TAGS = Set.of("managed-by", "rolecall:request-id");

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern DESCRIPTION =
            Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern POLICY_ARN =
            Pattern.compile("arn:aws(-cn|-us-gov)?:iam::(aws|\\d{12}):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final AccountRegistry accounts;
    private final PolicyService policies;
    private final Clock clock;

    RoleSpecValidator(AccountRegistry accounts, PolicyService policies, Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.clock = clock;
    }

    List<FieldProblem> validate(RoleSpec spec, @Nullable String justification) {
        List<FieldProblem> problems = new ArrayList<>();
        checkAccount(spec.accountId(), problems);
        TargetAccount account = accounts.find(spec.accountId()).orElse(null);
        int trustLimit =
                account == null ? TargetAccount.DEFAULT_TRUST_POLICY_SIZE_LIMIT : account.trustPolicySizeLimit();
        int managedLimit =
                account == null ? TargetAccount.DEFAULT_MANAGED_POLICIES_PER_ROLE : account.managedPoliciesPerRole();
        check(
                ROLE_NAME.matcher(spec.roleName()).matches(),
                "roleName",
                "Role name must be 1–64 characters: letters, digits and + = , . @ _ -",
                problems);
        check(
                spec.path().length() <= 512 && PATH.matcher(spec.path()).matches(),
                "path",
                "Path must be / or start and end with / (e.g. /ci/), at most 512 printable ASCII characters",
                problems);
        String description = spec.description();
        if (description != null) {
            check(description.length() <= 1000, "description", "Description must be at most 1000 characters", problems);
            check(
                    DESCRIPTION.matcher(description).matches(),
                    "description",
                    "Description may contain only printable Latin-1 characters",
                    problems);
        }
        checkPolicy(PolicyKind.TRUST, spec.trustPolicy(), "trustPolicy", trustLimit, problems);
        checkManagedPolicies(spec.managedPolicyArns(), managedLimit, problems);
        checkInlinePolicies(spec.inlinePolicies(), problems);
        String boundary = spec.permissionsBoundaryArn();
        if (boundary == null && account != null && account.requirePermissionsBoundary()) {
            problems.add(new FieldProblem(
                    "permissionsBoundaryArn",
                    "Account " + account.name() + " requires a permissions boundary on every role"));
        }
        if (boundary != null) {
            check(
                    POLICY_ARN.matcher(boundary).matches(),
                    "permissionsBoundaryArn",
                    "Permissions boundary must be a managed policy ARN like arn:aws:iam::123456789012:policy/name",
                    problems);
        }
        int session = spec.maxSessionDurationSeconds();
        check(
                session >= 3600 && session <= 43200,
                "maxSessionDurationSeconds",
                "Session duration must be between 3600 and 43200 seconds (1–12 h)",
                problems);
        checkTags(spec.tags(), problems);
        if (spec.expiresAt() != null) {
            check(spec.expiresAt().isAfter(clock.instant()), "expiresAt", "Expiry must be in the future", problems);
        }
        if (justification != null) {
            check(!justification.isBlank(), "justification", "Say why the role is needed", problems);
            check(
                    justification.length() <= MAX_JUSTIFICATION,
                    "justification",
                    "Justification must be at most " + MAX_JUSTIFICATION + " characters",
                    problems);
        }
        return problems;
    }

    private void checkAccount(String accountId, List<FieldProblem> problems) {
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            problems.add(new FieldProblem("accountId", "Account must be a 12-digit AWS account id"));
        } else if (accounts.find(accountId).isEmpty()) {
            problems.add(new FieldProblem("accountId", "Account " + accountId + " is not a configured target account"));
        }
    }

    private void checkManagedPolicies(List<String> arns, int limit, List<FieldProblem> problems) {
        check(
                arns.size() <= limit,
                "managedPolicyArns",
                "At most " + limit + " managed policies per role (this account's IAM quota)",
                problems);
        Set<String> seen = new HashSet<>();
        for (String arn : arns) {
            if (!POLICY_ARN.matcher(arn).matches()) {
                problems.add(new FieldProblem(
                        "managedPolicyArns",
                        "\"" + arn + "\" is not a managed policy ARN like arn:aws:iam::aws:policy/ReadOnlyAccess"));
            } else if (!seen.add(arn)) {
                problems.add(new FieldProblem("managedPolicyArns", "\"" + arn + "\" is listed twice"));
            }
        }
    }

    private void checkInlinePolicies(Map<String, JsonNode> inline, List<FieldProblem> problems) {
        int total = 0;
        for (Map.Entry<String, JsonNode> policy : inline.entrySet()) {
            String field = "inlinePolicies." + policy.getKey();
            check(
                    POLICY_NAME.matcher(policy.getKey()).matches(),
                    field,
                    "Policy name must be 1–128 characters: letters, digits and + = , . @ _ -",
                    problems);
            checkPolicy(PolicyKind.IDENTITY, policy.getValue(), field, Integer.MAX_VALUE, problems);
            total += PolicyLimits.sizeOf(policy.getValue());
        }
        check(
                total <= MAX_INLINE_POLICY_CHARS,
                "inlinePolicies",
                "Inline policies together may have at most " + MAX_INLINE_POLICY_CHARS
                        + " characters without whitespace; these have " + total,
                problems);
    }

    private void checkPolicy(
            PolicyKind kind, JsonNode document, String field, int maxChars, List<FieldProblem> problems) {
        for (PolicyProblem problem : policies.checkGrammar(kind, document)) {
            problems.add(new FieldProblem(field, problem.location() + ": " + problem.message()));
        }
        int size = PolicyLimits.sizeOf(document);
        check(
                size <= maxChars,
                field,
                "Policy may have at most " + maxChars + " characters without whitespace; it has " + size,
                problems);
    }

    private void checkTags(Map<String, String> tags, List<FieldProblem> problems) {
        check(
                tags.size() <= MAX_USER_TAGS,
                "tags",
                "At most " + MAX_USER_TAGS
                        + " tags: IAM allows 50 and Rolecall adds managed-by and rolecall:request-id",
                problems);
        Set<String> lowerKeys = new HashSet<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String field = "tags." + key;
            String lower = key.toLowerCase(Locale.ROOT);
            if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
                problems.add(new FieldProblem(
                        field, "Tag key must be 1–128 characters: letters, digits, spaces and _ . : / = + - @"));
            } else if (lower.startsWith("aws:")) {
                problems.add(new FieldProblem(field, "Tag keys starting with aws: are reserved by AWS"));
            } else if (SYSTEM_TAGS.contains(lower)) {
                problems.add(new FieldProblem(field, "Rolecall sets the " + key + " tag itself"));
            } else if (!lowerKeys.add(lower)) {
                problems.add(new FieldProblem(field, "Tag keys must be unique regardless of case"));
            }
            String value = tag.getValue();
            if (value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
                problems.add(new FieldProblem(
                        field,
                        "Tag value must be at most 256 characters: letters, digits, spaces and _ . : / = + - @"));
            }
        }
    }

    private static void check(boolean ok, String field, String message, List<FieldProblem> problems) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
    }
}
