package dev.rolecall.request.spec;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.PolicyFieldError;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.PolicyLimits;
import dev.rolecall.policy.PolicyProblem;
import dev.rolecall.policy.PolicyService;
import dev.rolecall.policy.RoleFieldRules;
import dev.rolecall.request.RoleSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
public class RoleSpecValidator {

    static final int MAX_INLINE_POLICY_CHARS = PolicyLimits.INLINE_POLICIES_CHARS;
    static final int MAX_JUSTIFICATION = 2000;
    static final Set<String> SYSTEM_TAGS = Set.of("managed-by", "rolecall:request-id");
    public static final int MAX_USER_TAGS = RoleFieldRules.MAX_TAGS - SYSTEM_TAGS.size();

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern POLICY_ARN =
            Pattern.compile("arn:aws(-cn|-us-gov)?:iam::(aws|\\d{12}):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");

    private final AccountRegistry accounts;
    private final PolicyService policies;
    private final Clock clock;

    RoleSpecValidator(AccountRegistry accounts, PolicyService policies, Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.clock = clock;
    }

    public List<FieldProblem> validate(RoleSpec spec, @Nullable String justification) {
        List<FieldProblem> problems = new ArrayList<>();
        checkAccount(spec.accountId(), problems);
        TargetAccount account = accounts.find(spec.accountId()).orElse(null);
        int trustLimit =
                account == null ? TargetAccount.DEFAULT_TRUST_POLICY_SIZE_LIMIT : account.trustPolicySizeLimit();
        int managedLimit =
                account == null ? TargetAccount.DEFAULT_MANAGED_POLICIES_PER_ROLE : account.managedPoliciesPerRole();
        checkRoleFields(spec, problems);
        checkPolicy(PolicyKind.TRUST, spec.trustPolicy(), "trustPolicy", trustLimit, problems);
        checkManagedPolicies(spec.managedPolicyArns(), managedLimit, problems);
        checkInlinePolicies(spec.inlinePolicies(), problems);
        checkBoundary(spec.permissionsBoundaryArn(), account, problems);
        report(RoleFieldRules.maxSessionDuration(spec.maxSessionDurationSeconds()), problems);
        checkTags(spec.tags(), problems);
        checkExpiry(spec, problems);
        checkJustification(justification, problems);
        return problems;
    }

    private void checkRoleFields(RoleSpec spec, List<FieldProblem> problems) {
        report(RoleFieldRules.roleName(spec.roleName()), problems);
        report(RoleFieldRules.path(spec.path()), problems);
        if (spec.description() != null) {
            report(RoleFieldRules.description(spec.description()), problems);
        }
    }

    private void checkBoundary(
            @Nullable String boundary, @Nullable TargetAccount account, List<FieldProblem> problems) {
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
    }

    private void checkExpiry(RoleSpec spec, List<FieldProblem> problems) {
        if (spec.expiresAt() != null) {
            check(spec.expiresAt().isAfter(clock.instant()), "expiresAt", "Expiry must be in the future", problems);
        }
    }

    private void checkJustification(@Nullable String justification, List<FieldProblem> problems) {
        if (justification != null) {
            check(!justification.isBlank(), "justification", "Say why the role is needed", problems);
            check(
                    justification.length() <= MAX_JUSTIFICATION,
                    "justification",
                    "Justification must be at most " + MAX_JUSTIFICATION + " characters",
                    problems);
        }
    }

    private void checkAccount(String accountId, List<FieldProblem> problems) {
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            problems.add(new FieldProblem("accountId", "Account must be a 12-digit AWS account id"));
        } else if (accounts.find(accountId).isEmpty()) {
            problems.add(new FieldProblem("accountId", "Account " + accountId + " is not a configured target account"));
        }
    }

    private void checkManagedPolicies(List<String> arns, int limit, List<FieldProblem> problems) {
        new PolicyLimits(PolicyLimits.DEFAULT_TRUST_POLICY_CHARS, limit)
                .checkManagedPolicyCount("managedPolicyArns", arns.size())
                .forEach(problem -> problems.add(new FieldProblem("managedPolicyArns", problem.message())));
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
        report(RoleFieldRules.tags(tags, SYSTEM_TAGS), problems);
    }

    private static void report(List<PolicyFieldError> errors, List<FieldProblem> problems) {
        errors.forEach(error -> problems.add(new FieldProblem(error.field(), error.message())));
    }

    private static void check(boolean ok, String field, String message, List<FieldProblem> problems) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
    }
}
