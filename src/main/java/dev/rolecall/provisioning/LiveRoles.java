package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads roles as they exist in AWS right now: GetRole, the inline policies (ListRolePolicies and
 * GetRolePolicy), the attached managed policies, the tags and the instance profiles, every list
 * read to its last page. Calls go through the account's clients, credentials, retries and rate
 * limit like every other call Rolecall makes.
 */
@Service
public class LiveRoles {

    private final AccountRegistry accounts;
    private final IamGateway gateway;

    LiveRoles(AccountRegistry accounts, IamGateway gateway) {
        this.accounts = accounts;
        this.gateway = gateway;
    }

    /**
     * The role as it is in AWS now.
     *
     * @return the role, or empty when the account has no role by that name
     * @throws LiveRoleUnavailableException when the account is unknown or plan-only, or AWS refused
     *     or could not answer the read
     */
    public Optional<LiveRole> read(String accountId, String roleName) {
        TargetAccount account = accounts.find(accountId)
                .orElseThrow(() -> new LiveRoleUnavailableException(
                        LiveRoleUnavailableException.Reason.UNKNOWN_ACCOUNT,
                        "Account " + accountId + " is not one of Rolecall's accounts."));
        if (!account.applies()) {
            throw new LiveRoleUnavailableException(
                    LiveRoleUnavailableException.Reason.PLAN_ONLY,
                    "Account " + account.name() + " (" + account.id() + ") is plan-only: Rolecall makes no"
                            + " calls to AWS there, so it cannot read the role as it is now.");
        }
        try (IamSession iam = gateway.openForReading(account)) {
            return iam.readRole(roleName);
        } catch (IamCallFailedException e) {
            throw new LiveRoleUnavailableException(
                    LiveRoleUnavailableException.Reason.AWS_ERROR,
                    "AWS did not let Rolecall read role " + roleName + " in account " + account.name() + " (" + e.code()
                            + "): " + e.getMessage(),
                    e);
        }
    }
}
