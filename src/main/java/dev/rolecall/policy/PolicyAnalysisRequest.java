package dev.rolecall.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the analysis looks at for one role: its policies and what decides who may assume it.
 * The role's own fields (name, path, description, session, tags) are not analysed: they are
 * validated by {@link RoleFieldRules}, as field errors. Build one with {@link #builder()}.
 *
 * @param accountId the 12-digit account the role is for; principals of other accounts are cross-account
 * @param trustPolicy the trust policy
 * @param permissionPolicies inline permission policies
 * @param managedPolicyArns managed policies to attach; AWS managed ones are analysed from the shipped copy
 * @param permissionsBoundary the permissions boundary document, when it is at hand
 * @param permissionsBoundaryArn the permissions boundary's ARN (an AWS managed one is resolved)
 * @param knownAccountIds accounts the organisation knows (the account registry); trust to others is flagged.
 *     Empty: not checked
 * @param boundaryRequired whether the account requires every role to have a permissions boundary: ways
 *     out from under one are then HIGH (a missing boundary is a field error of the request, not a finding)
 * @param limits the account's quotas; the analysis uses the trust policy size
 */
public record PolicyAnalysisRequest(
        @Nullable String accountId,
        @Nullable PolicyInput trustPolicy,
        List<PolicyInput> permissionPolicies,
        List<String> managedPolicyArns,
        @Nullable PolicyInput permissionsBoundary,
        @Nullable String permissionsBoundaryArn,
        Set<String> knownAccountIds,
        boolean boundaryRequired,
        PolicyLimits limits) {

    public PolicyAnalysisRequest {
        permissionPolicies = List.copyOf(permissionPolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
        knownAccountIds = Set.copyOf(knownAccountIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PolicyAnalysisRequest}; everything is optional. */
    public static final class Builder {
        private @Nullable String accountId;
        private @Nullable PolicyInput trustPolicy;
        private final List<PolicyInput> permissionPolicies = new ArrayList<>();
        private final List<String> managedPolicyArns = new ArrayList<>();
        private @Nullable PolicyInput permissionsBoundary;
        private @Nullable String permissionsBoundaryArn;
        private final Set<String> knownAccountIds = new LinkedHashSet<>();
        private boolean boundaryRequired;
        private PolicyLimits limits = PolicyLimits.DEFAULTS;

        private Builder() {}

        public Builder accountId(@Nullable String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder trustPolicy(@Nullable PolicyInput trustPolicy) {
            this.trustPolicy = trustPolicy;
            return this;
        }

        public Builder permissionPolicy(PolicyInput policy) {
            permissionPolicies.add(policy);
            return this;
        }

        public Builder managedPolicyArns(List<String> arns) {
            managedPolicyArns.addAll(arns);
            return this;
        }

        public Builder permissionsBoundary(@Nullable PolicyInput boundary) {
            this.permissionsBoundary = boundary;
            return this;
        }

        public Builder permissionsBoundaryArn(@Nullable String arn) {
            this.permissionsBoundaryArn = arn;
            return this;
        }

        public Builder knownAccountIds(Set<String> accountIds) {
            knownAccountIds.addAll(accountIds);
            return this;
        }

        public Builder boundaryRequired(boolean required) {
            this.boundaryRequired = required;
            return this;
        }

        public Builder limits(PolicyLimits limits) {
            this.limits = limits;
            return this;
        }

        public PolicyAnalysisRequest build() {
            return new PolicyAnalysisRequest(
                    accountId,
                    trustPolicy,
                    permissionPolicies,
                    managedPolicyArns,
                    permissionsBoundary,
                    permissionsBoundaryArn,
                    knownAccountIds,
                    boundaryRequired,
                    limits);
        }
    }
}
