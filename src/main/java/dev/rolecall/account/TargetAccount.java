package dev.rolecall.account;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An AWS account roles can be requested in.
 *
 * @param id the 12-digit account id
 * @param name a human name, e.g. {@code payments-prod}
 * @param environment e.g. sandbox, dev, staging, prod
 * @param region the region the SDK clients use (IAM itself is global)
 * @param endpoint an IAM endpoint override, e.g. a moto server; {@code null} for AWS
 * @param assumeRoleArn a provisioner role in the account to assume, or {@code null} to use the
 *     default credentials directly
 * @param externalId the external id the provisioner role's trust policy requires, if any
 * @param mode whether approved requests are applied or only planned
 * @param trustPolicySizeLimit the account's IAM quota for a trust policy, in characters without
 *     whitespace: 2048 by default, raised up to 4096 on request to AWS
 * @param managedPoliciesPerRole the account's IAM quota of managed policies per role: 10 by
 *     default, at most 20
 * @param requirePermissionsBoundary whether every role in the account must have a boundary
 * @param driftInterval how often the account's managed roles are compared with AWS; {@code null}
 *     for the inventory's default ({@code rolecall.inventory.drift-interval})
 */
public record TargetAccount(
        String id,
        String name,
        String environment,
        String region,
        @Nullable URI endpoint,
        @Nullable String assumeRoleArn,
        @Nullable String externalId,
        ApplyMode mode,
        int trustPolicySizeLimit,
        int managedPoliciesPerRole,
        boolean requirePermissionsBoundary,
        @Nullable Duration driftInterval) {

    public static final int DEFAULT_TRUST_POLICY_SIZE_LIMIT = 2048;
    public static final int DEFAULT_MANAGED_POLICIES_PER_ROLE = 10;

    /** An account scanned for drift at the inventory's default interval. */
    public TargetAccount(
            String id,
            String name,
            String environment,
            String region,
            @Nullable URI endpoint,
            @Nullable String assumeRoleArn,
            @Nullable String externalId,
            ApplyMode mode,
            int trustPolicySizeLimit,
            int managedPoliciesPerRole,
            boolean requirePermissionsBoundary) {
        this(
                id,
                name,
                environment,
                region,
                endpoint,
                assumeRoleArn,
                externalId,
                mode,
                trustPolicySizeLimit,
                managedPoliciesPerRole,
                requirePermissionsBoundary,
                null);
    }

    /** An account with IAM's default quotas and no required boundary. */
    public TargetAccount(
            String id,
            String name,
            String environment,
            String region,
            @Nullable URI endpoint,
            @Nullable String assumeRoleArn,
            @Nullable String externalId,
            ApplyMode mode) {
        this(
                id,
                name,
                environment,
                region,
                endpoint,
                assumeRoleArn,
                externalId,
                mode,
                DEFAULT_TRUST_POLICY_SIZE_LIMIT,
                DEFAULT_MANAGED_POLICIES_PER_ROLE,
                false);
    }

    public boolean applies() {
        return mode == ApplyMode.APPLY;
    }
}
