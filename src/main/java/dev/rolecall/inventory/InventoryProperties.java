package dev.rolecall.inventory;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The role inventory, as {@code rolecall.inventory.*}.
 *
 * @param expiryWarning how long before its expiry a role shows as expiring, with a notice to its
 *     owner team and the reviewers
 * @param expirySweep how often Rolecall looks for roles that start expiring, and schedules the
 *     revocation of any expiring role that has no job yet
 * @param driftInterval how often every managed role of every applying account is compared with AWS
 * @param pageSize roles on one page of the list
 * @param accounts per account (by 12-digit id): what expiry does and whether adoption may tag
 */
@ConfigurationProperties("rolecall.inventory")
@Validated
record InventoryProperties(
        @DefaultValue("3d") Duration expiryWarning,
        @DefaultValue("5m") Duration expirySweep,
        @DefaultValue("1h") Duration driftInterval,
        @DefaultValue("50") @Min(1) int pageSize,
        @DefaultValue Map<String, AccountSettings> accounts) {

    InventoryProperties {
        accounts = Map.copyOf(accounts);
    }

    AccountSettings account(String accountId) {
        return accounts.getOrDefault(accountId, AccountSettings.DEFAULT);
    }

    /**
     * @param expiry what revoking an expired role does after denying its sessions
     * @param tagAdopted whether adopting a role tags it {@code managed-by=rolecall} (the only change
     *     adoption may make in AWS)
     */
    record AccountSettings(
            @DefaultValue("DELETE") ExpiryAction expiry,
            @DefaultValue("false") boolean tagAdopted) {

        static final AccountSettings DEFAULT = new AccountSettings(ExpiryAction.DELETE, false);
    }

    /** What happens to an expired role once its sessions are denied. */
    enum ExpiryAction {
        /** Removed from its instance profiles, its policies removed, then deleted. */
        DELETE,
        /** Its policies removed (the session deny stays), the role kept. */
        DETACH
    }
}
