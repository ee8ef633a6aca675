package dev.rolecall.admin;

import dev.rolecall.account.TargetAccount;
import dev.rolecall.inventory.DriftSchedule;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One configured account as the Accounts page shows it: everything but the external id, which
 * shows only its last four characters; and how often its roles are compared with AWS.
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
        @Nullable String endpoint,
        String driftInterval,
        boolean driftIntervalIsDefault) {

    private static final int SHOWN = 4;

    static AccountRow of(TargetAccount account, DriftSchedule drift) {
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
                account.endpoint() == null ? null : account.endpoint().toString(),
                shown(drift.intervalOf(account)),
                drift.usesDefault(account));
    }

    /** A duration as it is configured: {@code 15m}, {@code 6h}, {@code 1d}, {@code 90s}. */
    static String shown(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds > 0 && interval.toMillis() % 1000 == 0 ? seconds + "s" : interval.toMillis() + "ms";
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
