package dev.rolecall.inventory;

import dev.rolecall.inventory.events.RoleExpired;
import dev.rolecall.inventory.events.RoleExpiringSoon;
import dev.rolecall.inventory.events.RoleInventoryActivity;
import dev.rolecall.provisioning.ManagedRoleCalls;
import dev.rolecall.provisioning.RoleCallFailedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Temporary roles really expire. Within the warning window a role shows as EXPIRING (its page and
 * the list tell the owner team and the reviewers, with a link to extend it). At its expiry the
 * revocation job first denies every session issued before now (the inline {@value
 * ManagedRoleCalls#REVOKE_POLICY} deny on {@code aws:TokenIssueTime}), then deletes the role or, if
 * the account keeps expired roles, removes its permissions; the role ends EXPIRED, audited. A job
 * that runs again (after a crash between the calls and the record) repeats calls that are
 * harmless to repeat, and one for a role already expired does nothing.
 */
@Component
class RoleExpiry {

    private static final Logger log = LoggerFactory.getLogger(RoleExpiry.class);

    /** Roles looked at per sweep, soonest expiry first. */
    static final int SWEEP_BATCH = 500;

    /** The history event of a warning; its detail is the expiry it warned of. */
    static final String EXPIRY_WARNED = "EXPIRY_WARNED";

    private final ManagedRoleRepository roles;
    private final ManagedRoleCalls calls;
    private final ExpiryJobs jobs;
    private final InventoryProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RoleExpiry(
            ManagedRoleRepository roles,
            ManagedRoleCalls calls,
            ExpiryJobs jobs,
            InventoryProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.roles = roles;
        this.calls = calls;
        this.jobs = jobs;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Revokes the role if it is due: sessions denied, then deleted or stripped as the account says.
     *
     * @throws RoleCallFailedException when AWS refuses a call: the job runs again later
     */
    void expire(UUID roleId) {
        Optional<ManagedRole> found = roles.findById(roleId);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().state().live()) {
            log.info("role={} job={} outcome=nothing-to-do", roleId, InventoryJobs.EXPIRE_TASK);
            return;
        }
        ManagedRole role = found.get();
        Instant expiresAt = role.expiresAt();
        if (expiresAt == null || expiresAt.isAfter(now)) {
            // Extended or no longer temporary: the change that did so moved or cancelled this job.
            log.info("role={} job={} outcome=not-due", role.roleName(), InventoryJobs.EXPIRE_TASK);
            return;
        }
        InventoryProperties.ExpiryAction action =
                properties.account(role.accountId()).expiry();
        List<String> made = revoke(role, action, now);
        transaction.executeWithoutResult(status -> record(roleId, action, made, now));
    }

    /** The calls made: the session deny, then the deletion or the removal of the permissions. */
    private List<String> revoke(ManagedRole role, InventoryProperties.ExpiryAction action, Instant now) {
        try {
            calls.revokeSessions(role.accountId(), role.roleName(), now);
        } catch (RoleCallFailedException e) {
            if (!"NoSuchEntity".equals(e.code())) {
                throw e;
            }
            // Gone already (a run that deleted it and stopped before recording): nothing to revoke.
            return List.of();
        }
        List<String> made = new ArrayList<>();
        made.add("PutRolePolicy " + role.roleName() + " " + ManagedRoleCalls.REVOKE_POLICY);
        made.addAll(
                action == InventoryProperties.ExpiryAction.DELETE
                        ? calls.deleteRole(role.accountId(), role.roleName())
                        : calls.detachPermissions(role.accountId(), role.roleName()));
        return made;
    }

    private void record(UUID roleId, InventoryProperties.ExpiryAction action, List<String> made, Instant now) {
        ManagedRole role = roles.findById(roleId).orElseThrow();
        if (!role.state().live()) {
            return;
        }
        role.expired(now);
        roles.save(role);
        String detail = action == InventoryProperties.ExpiryAction.DELETE
                ? "sessions revoked, role deleted"
                : "sessions revoked, permissions removed, role kept";
        roles.addEvent(role.id(), new ManagedRoleRepository.RoleEvent(null, "EXPIRED", "rolecall", detail, now));
        announceExpired(role.row(), action, made, now);
        log.info("role={} account={} action={} outcome=expired", role.roleName(), role.accountId(), action);
    }

    /** The audit trail's record of the revocation, and the event that tells the owner and reviewers. */
    private void announceExpired(
            ManagedRole.Row role, InventoryProperties.ExpiryAction action, List<String> made, Instant now) {
        events.publishEvent(new RoleInventoryActivity(
                "rolecall",
                now,
                "inventory.expired",
                role.accountId(),
                role.roleName(),
                Map.of(
                        "expiresAt",
                        String.valueOf(role.expiresAt()),
                        "action",
                        action.name(),
                        "calls",
                        made,
                        "sessionsIssuedBefore",
                        now.toString())));
        events.publishEvent(new RoleExpired(
                now,
                role.accountId(),
                role.roleName(),
                Objects.requireNonNull(role.expiresAt()),
                role.ownerTeam(),
                role.lastRequestId(),
                RoleActions.rolePath(role),
                action.name()));
    }

    /**
     * Marks live roles whose expiry falls within the warning window as EXPIRING (audited, shown to
     * the owner team and reviewers), and makes sure every such role has its revocation job.
     */
    void sweep() {
        Instant now = clock.instant();
        for (ManagedRole.Row row : roles.expiringBefore(now.plus(properties.expiryWarning()), SWEEP_BATCH)) {
            transaction.executeWithoutResult(status -> warn(row.id(), now));
        }
    }

    private void warn(UUID roleId, Instant now) {
        ManagedRole role = roles.findById(roleId).orElseThrow();
        jobs.schedule(role);
        warnIfDue(role, now);
    }

    /**
     * Marks a live role whose expiry is within the warning window as EXPIRING, in the caller's
     * transaction: recorded in its history, audited and announced once per expiry (a change that
     * keeps the expiry does not warn again; one that extends it does, when the new expiry is near).
     * A role that is not ACTIVE or IMPORTED is left as it is.
     */
    void warnIfDue(ManagedRole role, Instant now) {
        Instant expiresAt = role.expiresAt();
        if (expiresAt == null
                || expiresAt.isAfter(now.plus(properties.expiryWarning()))
                || (role.state() != RoleState.ACTIVE && role.state() != RoleState.IMPORTED)) {
            return;
        }
        role.warnExpiring(now);
        roles.save(role);
        String expiry = expiresAt.toString();
        if (roles.hasEvent(role.id(), EXPIRY_WARNED, expiry)) {
            return;
        }
        roles.addEvent(role.id(), new ManagedRoleRepository.RoleEvent(null, EXPIRY_WARNED, "rolecall", expiry, now));
        announceExpiring(role.row(), expiresAt, now);
    }

    /** The audit trail's record of the warning, and the event that tells the owner and reviewers. */
    private void announceExpiring(ManagedRole.Row role, Instant expiresAt, Instant now) {
        events.publishEvent(new RoleInventoryActivity(
                "rolecall",
                now,
                "inventory.expiry_warned",
                role.accountId(),
                role.roleName(),
                Map.of("expiresAt", String.valueOf(expiresAt), "ownerTeam", String.valueOf(role.ownerTeam()))));
        events.publishEvent(new RoleExpiringSoon(
                now,
                role.accountId(),
                role.roleName(),
                expiresAt,
                role.ownerTeam(),
                role.lastRequestId(),
                RoleActions.rolePath(role),
                RoleActions.extendPath(role, expiresAt, now)));
    }
}
