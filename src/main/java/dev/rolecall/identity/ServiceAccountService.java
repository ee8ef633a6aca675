package dev.rolecall.identity;

import dev.rolecall.identity.activity.PrincipalChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create, disable and enable service accounts, and disable or enable people who sign in
 * through the provider. Each change is published ({@link PrincipalChanged}) inside its transaction,
 * where the audit trail records it; a change whose audit row cannot be written does not happen.
 */
@Service
class ServiceAccountService {

    static final String CREATED = "service_account.created";
    static final String DISABLED = "service_account.disabled";
    static final String ENABLED = "service_account.enabled";
    static final String PERSON_DISABLED = "person.disabled";
    static final String PERSON_ENABLED = "person.enabled";

    private final ServiceAccounts accounts;
    private final UserDirectory localUsers;
    private final SsoPeople ssoPeople;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceAccountService(
            ServiceAccounts accounts,
            UserDirectory localUsers,
            SsoPeople ssoPeople,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.localUsers = localUsers;
        this.ssoPeople = ssoPeople;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a service account.
     *
     * @throws InvalidServiceAccountException naming each field to fix; nothing is stored
     */
    @Transactional
    ServiceAccount create(ServiceAccountForm form, CurrentUser admin) {
        requireAdmin(admin);
        Map<String, String> problems = form.problems(this::nameTaken, this::isPerson);
        if (!problems.isEmpty()) {
            throw new InvalidServiceAccountException(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceAccount account = new ServiceAccount(
                form.nameText(),
                form.descriptionText(),
                form.roleSet(),
                form.teamText(),
                form.groupList(),
                form.ownerText(),
                admin.username(),
                now,
                null,
                null);
        accounts.insert(account);
        publish(admin, CREATED, describe(account), now);
        return account;
    }

    /** Disables an account: its tokens stop at once. Disabling a disabled account changes nothing. */
    @Transactional
    ServiceAccount disable(String name, CurrentUser admin) {
        requireAdmin(admin);
        ServiceAccount account = accounts.find(name).orElseThrow(() -> new ServiceAccountNotFoundException(name));
        Instant now = clock.instant();
        if (accounts.disable(name, admin.username(), now)) {
            publish(admin, DISABLED, describe(account), now);
        }
        return account;
    }

    /** Enables a disabled account again: tokens neither revoked nor expired work again. */
    @Transactional
    ServiceAccount enable(String name, CurrentUser admin) {
        requireAdmin(admin);
        ServiceAccount account = accounts.find(name).orElseThrow(() -> new ServiceAccountNotFoundException(name));
        if (accounts.enable(name)) {
            publish(admin, ENABLED, describe(account), clock.instant());
        }
        return account;
    }

    /**
     * Disables or enables a person who signs in through the provider: disabled, they cannot sign in
     * and their tokens stop at once.
     */
    @Transactional
    void setPersonDisabled(String username, boolean disabled, CurrentUser admin) {
        requireAdmin(admin);
        if (!ssoPeople.known(username)) {
            throw new ServiceAccountNotFoundException(username);
        }
        Instant now = clock.instant();
        if (ssoPeople.setDisabled(username, disabled ? admin.username() : null, now)) {
            publish(admin, disabled ? PERSON_DISABLED : PERSON_ENABLED, Map.of("username", username), now);
        }
    }

    private boolean nameTaken(String name) {
        return localUsers.find(name).isPresent() || accounts.find(name).isPresent() || ssoPeople.known(name);
    }

    private boolean isPerson(String name) {
        return localUsers.find(name).isPresent() || ssoPeople.known(name);
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("only admins manage service accounts and people");
        }
    }

    private void publish(CurrentUser admin, String action, Map<String, Object> details, Instant at) {
        events.publishEvent(new PrincipalChanged(at, admin.username(), action, details));
    }

    private static Map<String, Object> describe(ServiceAccount account) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("serviceAccount", account.username());
        details.put("description", account.description());
        details.put("roles", account.orderedRoles().stream().map(Role::name).toList());
        details.put("team", account.team() == null ? "" : account.team());
        details.put("groups", account.groups());
        details.put("owner", account.owner());
        return details;
    }
}
