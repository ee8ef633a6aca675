package dev.rolecall.admin;

import dev.rolecall.account.TargetAccount;
import org.jspecify.annotations.Nullable;

/**
 * One configured account as the Accounts page shows it: everything but the external id, which
 * shows only its last four characters.
 */
record AccountRow(
        String id,
        String name,
        String environment,
        String mode,
        String region,
        @Nullable String provisionerRole,
        @Nullable String maskedExternalId,
        boolean requirePermissionsBoundary,
        int trustPolicySizeLimit,
        int managedPoliciesPerRole,
        @Nullable String endpoint) {

    private static final int SHOWN = 4;

    static AccountRow of(TargetAccount account) {
        return new AccountRow(
                account.id(),
                account.name(),
                account.environment(),
                account.mode().name(),
                account.region(),
                account.assumeRoleArn(),
                mask(account.externalId()),
                account.requirePermissionsBoundary(),
                account.trustPolicySizeLimit(),
                account.managedPoliciesPerRole(),
                account.endpoint() == null ? null : account.endpoint().toString());
    }

    /** Bullets and the last four characters; a short id shows none of its characters. */
    static @Nullable String mask(@Nullable String externalId) {
        if (externalId == null || externalId.isEmpty()) {
            return null;
        }
        String tail = externalId.length() > 2 * SHOWN ? externalId.substring(externalId.length() - SHOWN) : "";
        return "••••••••" + tail;
    }
}
