package dev.rolecall.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The permission policies of one role, as a request describes them.
 *
 * @param accountId the 12-digit account the role lives in
 * @param inlinePolicies the inline policy documents, each with its name
 * @param managedPolicyArns the managed policies to attach: AWS managed ones are read from the shipped
 *     copy; customer managed ones cannot be read offline and are reported as not analysed
 * @param permissionsBoundaryArn the managed policy used as permissions boundary, or null
 * @param roleArn the role's ARN, which makes the role the caller when simulating what it may do (so
 *     rules that depend on who calls apply); null when not known
 */
public record RolePolicies(
        String accountId,
        List<PolicyInput> inlinePolicies,
        List<String> managedPolicyArns,
        @Nullable String permissionsBoundaryArn,
        @Nullable String roleArn) {

    public RolePolicies {
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }

    /** The policies of a role whose ARN is not known. */
    public RolePolicies(
            String accountId,
            List<PolicyInput> inlinePolicies,
            List<String> managedPolicyArns,
            @Nullable String permissionsBoundaryArn) {
        this(accountId, inlinePolicies, managedPolicyArns, permissionsBoundaryArn, null);
    }
}
