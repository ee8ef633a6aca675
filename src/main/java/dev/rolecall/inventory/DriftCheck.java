package dev.rolecall.inventory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.inventory.events.RoleInventoryActivity;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.permissions.AccessDiff;
import dev.rolecall.provisioning.LiveRole;
import dev.rolecall.provisioning.LiveRoleUnavailableException;
import dev.rolecall.provisioning.LiveRoles;
import dev.rolecall.provisioning.ManagedRoleCalls;
import dev.rolecall.request.RoleSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drift: compares a managed role as it is in AWS (the live reader) with the spec Rolecall last
 * applied. A difference marks the role DRIFTED with the field diff and the access the drift
 * added; reviewers re-apply the approved spec (a recorded job that calls only for what differs) or
 * accept the live role through a change request. Found and resolved drift is audited. Runs for
 * every applying account on a schedule, and for one role when a reviewer asks.
 */
@Component
class DriftCheck {

    private static final Logger log = LoggerFactory.getLogger(DriftCheck.class);

    private final ManagedRoleRepository roles;
    private final LiveRoles liveRoles;
    private final ManagedRoleCalls calls;
    private final RolePermissionsService permissions;
    private final AccountRegistry accounts;
    private final InventoryProperties properties;
    private final SchedulerClient jobs;
    private final OneTimeTask<Void> reapplyTask;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DriftCheck(
            ManagedRoleRepository roles,
            LiveRoles liveRoles,
            ManagedRoleCalls calls,
            RolePermissionsService permissions,
            AccountRegistry accounts,
            InventoryProperties properties,
            @Qualifier("inventoryJobClient") SchedulerClient jobs,
            @Qualifier("reapplyRoleTask") OneTimeTask<Void> reapplyTask,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.roles = roles;
        this.liveRoles = liveRoles;
        this.calls = calls;
        this.permissions = permissions;
        this.accounts = accounts;
        this.properties = properties;
        this.jobs = jobs;
        this.reapplyTask = reapplyTask;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Checks every live role of every applying account; a role that cannot be read is logged and skipped. */
    void scan() {
        for (TargetAccount account : accounts.all()) {
            if (account.applies()) {
                scan(account);
            }
        }
    }

    /** The recurring scan: every applying account whose own drift interval has passed since its last scan. */
    void scanDue(DriftSchedule schedule) {
        Instant now = clock.instant();
        for (TargetAccount account : accounts.all()) {
            if (account.applies() && schedule.claimIfDue(account, now)) {
                scan(account);
            }
        }
    }

    private void scan(TargetAccount account) {
        for (ManagedRole.Row row : roles.liveRoles(account.id())) {
            try {
                check(row.id(), "rolecall");
            } catch (LiveRoleUnavailableException e) {
                log.warn(
                        "role={} account={} outcome=drift-check-failed reason={}",
                        row.roleName(),
                        account.id(),
                        e.getMessage());
            }
        }
    }

    /**
     * Checks one role now, for a reviewer or admin.
     *
     * @return the differences found, empty when the live role matches
     */
    List<FieldDiff> checkNow(ManagedRole role, CurrentUser reviewer) {
        requireReviewer(reviewer);
        if (!role.state().live()) {
            throw InventoryException.conflict("role " + role.roleName() + " is " + role.state(), "role.drift.notLive");
        }
        return check(role.id(), reviewer.username());
    }

    /** Reads the live role and records what it found. */
    List<FieldDiff> check(UUID roleId, String actor) {
        ManagedRole role = roles.findById(roleId).orElseThrow();
        Optional<LiveRole> live = liveRoles.read(role.accountId(), role.roleName());
        RoleSpec liveSpec = live.map(LiveRole::spec).orElse(null);
        List<FieldDiff> diffs = liveSpec == null
                ? List.of(new FieldDiff("role", String.valueOf(role.row().roleArn()), ""))
                : DriftDiff.compare(role.spec(), liveSpec);
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> record(roleId, liveSpec, diffs, actor, now));
        return diffs;
    }

    private void record(UUID roleId, @Nullable RoleSpec live, List<FieldDiff> diffs, String actor, Instant now) {
        ManagedRole role = roles.findById(roleId).orElseThrow();
        if (!role.state().live()) {
            return;
        }
        boolean wasDrifted = role.state() == RoleState.DRIFTED;
        List<FieldDiff> before = role.row().drift();
        RoleSpec seen = live != null ? live : role.spec();
        if (diffs.isEmpty()) {
            role.inSync(seen, properties.expiryWarning(), now);
            roles.save(role);
            if (wasDrifted) {
                history(role, "DRIFT_CLEARED", actor, null, now);
                audit(role, "inventory.drift_cleared", actor, Map.of(), now);
            }
            return;
        }
        role.drifted(seen, diffs, now);
        roles.save(role);
        if (!wasDrifted || !before.equals(diffs)) {
            String fields =
                    String.join(", ", diffs.stream().map(FieldDiff::field).toList());
            String added = live == null ? "" : addedAccess(role.spec(), live);
            history(role, "DRIFT_FOUND", actor, fields, now);
            audit(role, "inventory.drift_found", actor, Map.of("fields", fields, "addedAccess", added), now);
        }
    }

    /** What the live role may do that the approved one may not, in words. */
    String addedAccess(RoleSpec approved, RoleSpec live) {
        AccessDiff diff = permissions.diff(RoleSpecs.policies(approved, null), RoleSpecs.policies(live, null));
        return diff.summary();
    }

    /** The access diff between the approved and the live role, for the role page; empty when not drifted. */
    Optional<AccessDiff> driftAccess(ManagedRole.Row role) {
        RoleSpec live = role.liveSpec();
        if (!role.drifted() || live == null) {
            return Optional.empty();
        }
        return Optional.of(permissions.diff(
                RoleSpecs.policies(role.spec(), role.roleArn()), RoleSpecs.policies(live, role.roleArn())));
    }

    /**
     * Schedules the job that restores a drifted role's approved spec, for a reviewer or admin.
     *
     * @return whether a job was scheduled (false: one is waiting already)
     */
    boolean requestReapply(ManagedRole role, CurrentUser reviewer) {
        requireReviewer(reviewer);
        if (role.state() != RoleState.DRIFTED || role.row().liveSpec() == null) {
            throw InventoryException.conflict(
                    "role " + role.roleName() + " is " + role.state(), "role.drift.notDrifted");
        }
        if (role.row().drift().stream().anyMatch(diff -> diff.field().equals("role"))) {
            throw InventoryException.conflict("role " + role.roleName() + " is gone from AWS", "role.drift.gone");
        }
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean scheduled =
                    jobs.scheduleIfNotExists(reapplyTask.instance(role.id().toString()), now);
            if (scheduled) {
                audit(role, "inventory.reapply_requested", reviewer.username(), Map.of(), now);
            }
            return scheduled;
        }));
    }

    /** The re-apply job: restores what differs, then checks again; the calls are recorded and audited. */
    void reapply(UUID roleId) {
        ManagedRole role = roles.findById(roleId).orElse(null);
        if (role == null || role.state() != RoleState.DRIFTED) {
            return;
        }
        List<String> made = calls.restore(role.spec());
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            ManagedRole current = roles.findById(roleId).orElseThrow();
            history(current, "DRIFT_REAPPLIED", "rolecall", String.join(", ", made), now);
            audit(current, "inventory.drift_reapplied", "rolecall", Map.of("calls", made), now);
        });
        check(roleId, "rolecall");
    }

    private void history(ManagedRole role, String kind, String actor, @Nullable String detail, Instant now) {
        roles.addEvent(role.id(), new ManagedRoleRepository.RoleEvent(null, kind, actor, detail, now));
    }

    private void audit(ManagedRole role, String action, String actor, Map<String, Object> details, Instant now) {
        events.publishEvent(new RoleInventoryActivity(actor, now, action, role.accountId(), role.roleName(), details));
    }

    private static void requireReviewer(CurrentUser user) {
        if (!user.has(Role.REVIEWER) && !user.has(Role.ADMIN)) {
            throw InventoryException.forbidden(
                    user.username() + " may not check or resolve drift", "role.drift.denied");
        }
    }
}
