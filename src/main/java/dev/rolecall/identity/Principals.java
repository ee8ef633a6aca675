package dev.rolecall.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Everyone an API token may belong to, as they may act now: local users from configuration,
 * enabled service accounts, and people who signed in through the provider with the roles their
 * groups mapped to at their last sign-in — unless those mapped to nothing, an admin disabled them,
 * or sign-in through the provider is turned off.
 */
@Service
public class Principals {

    private final UserDirectory localUsers;
    private final ServiceAccounts serviceAccounts;
    private final SsoPeople ssoPeople;
    private final SignInMethods methods;

    Principals(UserDirectory localUsers, ServiceAccounts serviceAccounts, SsoPeople ssoPeople, SignInMethods methods) {
        this.localUsers = localUsers;
        this.serviceAccounts = serviceAccounts;
        this.ssoPeople = ssoPeople;
        this.methods = methods;
    }

    /** The owner of a token as they may act now; empty when they may not act at all. */
    public Optional<CurrentUser> activeOwner(String username) {
        Optional<CurrentUser> local = localUsers.find(username);
        if (local.isPresent()) {
            return local;
        }
        Optional<ServiceAccount> account = serviceAccounts.find(username);
        if (account.isPresent()) {
            return account.filter(ServiceAccount::enabled).map(ServiceAccount::asUser);
        }
        return methods.sso().enabled() ? ssoPeople.active(username) : Optional.empty();
    }

    /** A service account by name, enabled or not. */
    public Optional<ServiceAccount> serviceAccount(String username) {
        return serviceAccounts.find(username);
    }

    /** Every service account, enabled ones first. */
    public List<ServiceAccount> serviceAccounts() {
        return serviceAccounts.all();
    }
}
