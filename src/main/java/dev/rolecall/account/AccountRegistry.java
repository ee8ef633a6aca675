package dev.rolecall.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The configured target accounts. */
@Service
public class AccountRegistry {

    private final Map<String, TargetAccount> accounts = new LinkedHashMap<>();

    @Autowired
    AccountRegistry(AccountProperties properties) {
        this(properties.accounts().stream()
                .map(AccountProperties.Account::toTargetAccount)
                .toList());
    }

    private AccountRegistry(List<TargetAccount> targets) {
        for (TargetAccount account : targets) {
            if (accounts.putIfAbsent(account.id(), account) != null) {
                throw new IllegalStateException("rolecall.accounts lists account " + account.id() + " twice");
            }
        }
    }

    /** A registry of these accounts, for code that is not configured from properties (tests, tools). */
    public static AccountRegistry of(TargetAccount... accounts) {
        return new AccountRegistry(List.of(accounts));
    }

    /** All accounts, in configuration order. */
    public List<TargetAccount> all() {
        return List.copyOf(accounts.values());
    }

    /** The account with this 12-digit id, if it is configured. */
    public Optional<TargetAccount> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }
}
