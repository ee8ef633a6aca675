package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.change.ChangePlanning;
import dev.rolecall.request.change.ChangeRefusedException;
import dev.rolecall.request.change.PlannedCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plans CHANGE, DELETE and IMPORT requests against the live role, read at that moment. An IMPORT
 * changes nothing in AWS: its plan is empty, or the {@code managed-by=rolecall} tag where the account
 * lets adoption tag.
 */
@Component
class LiveChangePlanning implements ChangePlanning {

    private static final Logger log = LoggerFactory.getLogger(LiveChangePlanning.class);

    private final LiveRoles liveRoles;
    private final ObjectProvider<AdoptedRoles> adopted;
    private final AccountRegistry accounts;

    LiveChangePlanning(LiveRoles liveRoles, ObjectProvider<AdoptedRoles> adopted, AccountRegistry accounts) {
        this.liveRoles = liveRoles;
        this.adopted = adopted;
        this.accounts = accounts;
    }

    @Override
    public Optional<ChangePlan> plan(RequestKind kind, RoleSpec desired) {
        if (kind == RequestKind.CREATE) {
            requireAbsent(desired);
            return Optional.empty();
        }
        LiveRole live = read(desired.accountId(), desired.roleName());
        if (kind == RequestKind.IMPORT) {
            requireAdoptable(live);
            return Optional.of(toPlan(live, importCalls(live)));
        }
        requireManaged(live);
        return Optional.of(plan(kind, live, desired));
    }

    /** The calls an IMPORT makes: none, or the {@code managed-by=rolecall} tag where the account allows it. */
    List<IamCall> importCalls(LiveRole live) {
        AdoptedRoles adoptions = adopted.getIfAvailable();
        boolean tag = adoptions != null && adoptions.tagsAdopted(live.spec().accountId());
        return tag && !live.managedByRolecall()
                ? List.of(new IamChange.TagRole(
                        live.spec().roleName(), Map.of(LiveRole.MANAGED_BY_TAG, LiveRole.MANAGED_BY_VALUE)))
                : List.of();
    }

    @Override
    public RoleSpec managedLiveRole(String accountId, String roleName) {
        LiveRole live = read(accountId, roleName);
        requireManaged(live);
        return live.spec();
    }

    /** The plan against a role already read: the same computation apply repeats before any call. */
    ChangePlan plan(RequestKind kind, LiveRole live, RoleSpec desired) {
        if (kind == RequestKind.CHANGE && !live.spec().path().equals(desired.path())) {
            throw new ChangeRefusedException(
                    "path",
                    "IAM cannot move a role to another path (it is "
                            + live.spec().path() + "): keep the path, or delete the role and request a new one");
        }
        int quota = accounts.find(desired.accountId())
                .map(TargetAccount::managedPoliciesPerRole)
                .orElse(TargetAccount.DEFAULT_MANAGED_POLICIES_PER_ROLE);
        return toPlan(live, calls(kind, live, desired, quota));
    }

    /** The calls of a CHANGE or DELETE, within the account's quota of managed policies per role. */
    static List<IamCall> calls(RequestKind kind, LiveRole live, RoleSpec desired, int managedPoliciesQuota) {
        return kind == RequestKind.DELETE
                ? ChangeCalls.delete(live)
                : ChangeCalls.change(live.spec(), desired, managedPoliciesQuota);
    }

    static ChangePlan toPlan(LiveRole live, List<IamCall> calls) {
        return new ChangePlan(
                live.spec(),
                live.arn(),
                live.roleId(),
                live.instanceProfileNames(),
                live.readAt(),
                calls.stream()
                        .map(call -> new PlannedCall(call.name(), call.parameters()))
                        .toList());
    }

    private void requireAbsent(RoleSpec desired) {
        Optional<LiveRole> live;
        try {
            live = liveRoles.read(desired.accountId(), desired.roleName());
        } catch (LiveRoleUnavailableException e) {
            // Apply finds a taken name too (EntityAlreadyExists); a read that cannot be made stops nothing.
            log.info(
                    "account={} role={} not checked before CREATE: {}",
                    desired.accountId(),
                    desired.roleName(),
                    e.reason());
            return;
        }
        if (live.isPresent()) {
            throw new ChangeRefusedException(
                    "roleName",
                    "A role named " + desired.roleName() + " already exists in account " + desired.accountId()
                            + ": request a change to it instead");
        }
    }

    private LiveRole read(String accountId, String roleName) {
        try {
            return liveRoles
                    .read(accountId, roleName)
                    .orElseThrow(() -> new ChangeRefusedException(
                            "roleName", "No role named " + roleName + " exists in account " + accountId));
        } catch (LiveRoleUnavailableException e) {
            String field = e.reason() == LiveRoleUnavailableException.Reason.AWS_ERROR ? "roleName" : "accountId";
            throw new ChangeRefusedException(field, e.getMessage());
        }
    }

    /** Service-linked roles belong to their service; a role Rolecall holds already is not adopted twice. */
    private void requireAdoptable(LiveRole live) {
        String name = live.spec().roleName();
        if (live.spec().path().startsWith(ManagedRoleCalls.SERVICE_LINKED_PATH)) {
            throw new ChangeRefusedException(
                    "roleName",
                    "Role " + name + " is a service-linked role (path " + ManagedRoleCalls.SERVICE_LINKED_PATH
                            + "): only its AWS service may change it, so Rolecall cannot adopt it");
        }
        AdoptedRoles adoptions = adopted.getIfAvailable();
        if (adoptions != null && adoptions.adopted(live.spec().accountId(), name)) {
            throw new ChangeRefusedException(
                    "roleName",
                    "Rolecall already manages role " + name + " in account "
                            + live.spec().accountId() + ": it is in the inventory; request a change to it instead");
        }
    }

    private void requireManaged(LiveRole live) {
        AdoptedRoles adoptions = adopted.getIfAvailable();
        boolean adoptedRole = adoptions != null
                && adoptions.adopted(live.spec().accountId(), live.spec().roleName());
        if (!live.managedByRolecall() && !adoptedRole) {
            throw new ChangeRefusedException(
                    "roleName",
                    "Rolecall does not manage role " + live.spec().roleName() + " (it has no "
                            + LiveRole.MANAGED_BY_TAG + "=" + LiveRole.MANAGED_BY_VALUE
                            + " tag and was not adopted): an admin can adopt it first");
        }
    }
}
