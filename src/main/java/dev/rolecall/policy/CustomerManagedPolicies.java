package dev.rolecall.policy;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The customer-managed policies of a target account, as AWS has them now. The policy engine makes
 * no AWS call: the module that talks to AWS implements this, so the managed policy picker can offer
 * an account's own policies beside the AWS managed ones.
 */
public interface CustomerManagedPolicies {

    /**
     * The account's customer-managed policies that can be attached to a role, or why they cannot be
     * listed (an unknown or plan-only account, or AWS refused or did not answer).
     */
    Listing list(String accountId);

    /**
     * The JSON document of the policy's default version.
     *
     * @return the document, or empty when AWS did not give it (the failure is logged)
     */
    Optional<String> defaultDocument(String accountId, CustomerPolicy policy);

    /**
     * One customer-managed policy.
     *
     * @param name e.g. {@code payments-reports-read}
     * @param arn e.g. {@code arn:aws:iam::111122223333:policy/payments/payments-reports-read}
     * @param defaultVersionId the version a role that attaches it gets, e.g. {@code v3}
     */
    record CustomerPolicy(String name, String arn, String defaultVersionId) {}

    /**
     * What a listing found.
     *
     * @param policies the policies, in IAM's order; empty when they could not be listed
     * @param unavailable why they could not be listed, in words, or {@code null} when they were
     */
    record Listing(List<CustomerPolicy> policies, @Nullable String unavailable) {

        public Listing {
            policies = List.copyOf(policies);
        }

        /** A listing that found these policies. */
        public static Listing of(List<CustomerPolicy> policies) {
            return new Listing(policies, null);
        }

        /** No listing, for this reason. */
        public static Listing unavailable(String reason) {
            return new Listing(List.of(), reason);
        }
    }
}
