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
 */
public record RolePolicies(
        String accountId,
        List<PolicyInput> inlinePolicies,
        List<String> managedPolicyArns,
        @Nullable String permissionsBoundaryArn) {

    public RolePolicies {
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }
}
