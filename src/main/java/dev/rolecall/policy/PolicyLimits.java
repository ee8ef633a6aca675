package dev.rolecall.policy;

import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.policy.grammar.JsonLimits;
import dev.rolecall.policy.grammar.JsonReader;
import dev.rolecall.policy.grammar.PolicySize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * IAM's size and count quotas for a role's policies, counted as IAM counts them: characters of the
 * JSON text without whitespace. The two quotas an account can raise are parameters; the others are
 * fixed by IAM.
 *
 * @param trustPolicyChars the account's trust policy quota: 2,048 by default, at most 4,096
 * @param managedPoliciesPerRole the account's quota of managed policies per role: 10 by default, at most 20
 */
public record PolicyLimits(int trustPolicyChars, int managedPoliciesPerRole) {

    public static final int DEFAULT_TRUST_POLICY_CHARS = 2_048;
    public static final int MAX_TRUST_POLICY_CHARS = 4_096;
    /** All inline policies of one role together. */
    public static final int INLINE_POLICIES_CHARS = 10_240;
    /** One customer managed policy (and a permissions boundary, which is one). */
    public static final int MANAGED_POLICY_CHARS = 6_144;

    public static final int DEFAULT_MANAGED_POLICIES_PER_ROLE = 10;
    public static final int MAX_MANAGED_POLICIES_PER_ROLE = 20;
    /** One service control policy. */
    public static final int SERVICE_CONTROL_POLICY_CHARS = 5_120;
    /** The inline and managed session policies passed to AssumeRole, together (plain text). */
    public static final int SESSION_POLICY_CHARS = 2_048;

    /** IAM's defaults for an account that has not asked for more. */
    public static final PolicyLimits DEFAULTS =
            new PolicyLimits(DEFAULT_TRUST_POLICY_CHARS, DEFAULT_MANAGED_POLICIES_PER_ROLE);

    public PolicyLimits {
        if (trustPolicyChars < 1 || trustPolicyChars > MAX_TRUST_POLICY_CHARS) {
            throw new IllegalArgumentException("trust policy quota must be 1–" + MAX_TRUST_POLICY_CHARS);
        }
        if (managedPoliciesPerRole < 0 || managedPoliciesPerRole > MAX_MANAGED_POLICIES_PER_ROLE) {
            throw new IllegalArgumentException("managed policies per role must be 0–" + MAX_MANAGED_POLICIES_PER_ROLE);
        }
    }

    /** The size of JSON text as IAM counts it. */
    public static int sizeOf(String json) {
        return PolicySize.of(json);
    }

    /** The size of a JSON tree written compactly, as IAM counts it. */
    public static int sizeOf(JsonNode document) {
        return PolicySize.of(new JsonReader(new JsonLimits(Integer.MAX_VALUE, Long.MAX_VALUE))
                .read(document)
                .value());
    }

    /** The trust policy against the account's quota. */
    public List<PolicyProblem> checkTrustPolicy(String name, int size) {
        return over(name, size, trustPolicyChars, "A trust policy");
    }

    /** One managed policy (customer managed or the permissions boundary) against IAM's 6,144. */
    public List<PolicyProblem> checkManagedPolicy(String name, int size) {
        return over(name, size, MANAGED_POLICY_CHARS, "A managed policy");
    }

    /** All inline policies of a role together against IAM's 10,240; sizes by policy name. */
    public List<PolicyProblem> checkInlinePolicies(String name, Map<String, Integer> sizes) {
        int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        return over(name, total, INLINE_POLICIES_CHARS, "Inline policies together");
    }

    /** The number of managed policies attached to a role against the account's quota. */
    public List<PolicyProblem> checkManagedPolicyCount(String name, int count) {
        if (count <= managedPoliciesPerRole) {
            return List.of();
        }
        return List.of(PolicyProblem.at(
                PolicyLocation.document(name, 0, 0),
                "At most " + managedPoliciesPerRole
                        + " managed policies per role"
                        + (managedPoliciesPerRole == DEFAULT_MANAGED_POLICIES_PER_ROLE
                                ? " (IAM default quota; it can be raised to " + MAX_MANAGED_POLICIES_PER_ROLE + ")"
                                : "")
                        + "; this role has " + count));
    }

    /**
     * Every quota of one role at once.
     *
     * @param trustPolicySize the trust policy's size
     * @param inlinePolicySizes each inline policy's size by name
     * @param managedPolicyCount how many managed policies are attached
     */
    public List<PolicyProblem> checkRole(
            int trustPolicySize, Map<String, Integer> inlinePolicySizes, int managedPolicyCount) {
        List<PolicyProblem> problems = new ArrayList<>(checkTrustPolicy("trustPolicy", trustPolicySize));
        problems.addAll(checkInlinePolicies("inlinePolicies", inlinePolicySizes));
        problems.addAll(checkManagedPolicyCount("managedPolicyArns", managedPolicyCount));
        return problems;
    }

    private static List<PolicyProblem> over(String name, int size, int limit, String what) {
        if (size <= limit) {
            return List.of();
        }
        return List.of(PolicyProblem.at(
                PolicyLocation.document(name, 0, 0),
                what + " may have at most " + String.format("%,d", limit) + " characters without whitespace; this has "
                        + String.format("%,d", size)));
    }
}
