package dev.rolecall.policy.simulation;

import dev.rolecall.policy.model.PolicyDocument;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every policy that applies to a request, by layer.
 *
 * @param identityPolicies the caller's identity-based policies (inline and managed); together they
 *     allow what any of them allows
 * @param permissionsBoundaries the caller's permissions boundary, possibly given as several documents
 *     (they act as one: together they allow what any of them allows); empty when there is none
 * @param serviceControlPolicies the SCPs of the caller's account, one list per level of the
 *     organization (root, each OU, the account); every level must allow; empty outside an organization
 * @param resourcePolicy the resource's resource-based policy, or null
 * @param sessionPolicy the session policy passed when the role was assumed, or null
 */
public record PolicySet(
        List<PolicyDocument> identityPolicies,
        List<PolicyDocument> permissionsBoundaries,
        List<List<PolicyDocument>> serviceControlPolicies,
        @Nullable PolicyDocument resourcePolicy,
        @Nullable PolicyDocument sessionPolicy) {

    public PolicySet {
        identityPolicies = List.copyOf(identityPolicies);
        permissionsBoundaries = List.copyOf(permissionsBoundaries);
        serviceControlPolicies =
                serviceControlPolicies.stream().map(List::copyOf).toList();
    }

    /** Only identity policies. */
    public static PolicySet ofIdentity(List<PolicyDocument> identityPolicies) {
        return new PolicySet(identityPolicies, List.of(), List.of(), null, null);
    }

    /** Identity policies within a permissions boundary. */
    public static PolicySet ofIdentity(List<PolicyDocument> identityPolicies, List<PolicyDocument> boundaries) {
        return new PolicySet(identityPolicies, boundaries, List.of(), null, null);
    }
}
