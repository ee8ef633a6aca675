package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Lets admins test that Rolecall can reach a target account the way an apply does. */
@Service
public class AccountAccessService {

    private final AccountRegistry accounts;
    private final IamGateway gateway;

    AccountAccessService(AccountRegistry accounts, IamGateway gateway) {
        this.accounts = accounts;
        this.gateway = gateway;
    }

    /**
     * Asks STS who Rolecall is in the account and lists one IAM role, with the credentials and
     * provisioner role an apply uses; changes nothing.
     *
     * @return what the test found, or empty when no such account is configured
     * @throws AccessDeniedException unless the person is an admin
     */
    public Optional<AccessCheckResult> testAccess(String accountId, CurrentUser person) {
        if (!person.has(Role.ADMIN)) {
            throw new AccessDeniedException("only admins test access to accounts");
        }
        return accounts.find(accountId).map(account -> gateway.checkAccess(account, person.username()));
    }
}
