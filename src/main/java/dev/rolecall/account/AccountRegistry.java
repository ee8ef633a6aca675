package dev.rolecall.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The configured target accounts. */
@Service
public class AccountRegistry {

    private final Map<String, TargetAccount> accounts = new LinkedHashMap<>();

    AccountRegistry(AccountProperties properties) {
        for (AccountProperties.Account account : properties.accounts()) {
            if (accounts.putIfAbsent(account.id(), account.toTargetAccount()) != null) {
                throw new IllegalStateException("rolecall.accounts lists account " + account.id() + " twice");
            }
        }
    }

    /** All accounts, in configuration order. */
    public List<TargetAccount> all() {
        return List.copyOf(accounts.values());
    }

    /** The account with this 12-digit id, if it is configured. */
    public Optional<TargetAccount> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /** Whether no account can apply: every approved request then only gets its plan. */
    public boolean planOnlyEverywhere() {
        return accounts.values().stream().noneMatch(TargetAccount::applies);
    }
}
