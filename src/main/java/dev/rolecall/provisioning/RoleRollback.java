package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.RoleRequestApplyService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a request's rollback job: removes from AWS exactly what the request's failed apply created,
 * in the order IAM needs (detach managed policies, delete inline policies, delete the role), records
 * each call, and ends the request ROLLED_BACK, or FAILED with the AWS error of the call that failed.
 *
 * <p>A role that does not carry this request's {@code rolecall:request-id} tag is never touched.
 * Each call is idempotent (what is gone already counts as removed), so a job run again after a
 * crash resumes safely; the calls recorded as succeeded are not made again.
 */
@Component
class RoleRollback {

    private static final Logger log = LoggerFactory.getLogger(RoleRollback.class);

    private final AccountRegistry accounts;
    private final RoleRequestApplyService requests;
    private final IamGateway gateway;
    private final ProvisioningMetrics metrics;

    RoleRollback(
            AccountRegistry accounts,
            RoleRequestApplyService requests,
            IamGateway gateway,
            ProvisioningMetrics metrics) {
        this.metrics = metrics;
        this.accounts = accounts;
        this.requests = requests;
        this.gateway = gateway;
    }

    void rollBack(RoleRequestId id) {
        RoleRequestStatus status = requests.status(id);
        if (status != RoleRequestStatus.ROLLING_BACK) {
            log.info("request={} status={} nothing to roll back", id, status);
            return;
        }
        RoleSpec spec = requests.approvedSpec(id);
        Optional<TargetAccount> account = accounts.find(spec.accountId()).filter(TargetAccount::applies);
        if (account.isEmpty()) {
            requests.markRollbackFailed(
                    id,
                    RoleApplier.ACCOUNT_NOT_CONFIGURED,
                    "Account " + spec.accountId() + " is not configured to apply in Rolecall; nothing was removed.");
            return;
        }
        if (!removeCreated(id, account.get(), spec)) {
            return;
        }
        log.info("request={} account={} outcome=rolled-back", id, spec.accountId());
        requests.markRolledBack(id);
        metrics.jobEnded(spec.accountId(), "rolled_back");
    }

    /** Removes what the failed apply created; false when that stopped, with the rollback marked failed. */
    private boolean removeCreated(RoleRequestId id, TargetAccount account, RoleSpec spec) {
        CreatedResources created = CreatedResources.of(requests.succeededSteps(id));
        try (IamSession iam = gateway.open(account, id)) {
            undo(id, iam, spec.roleName(), created);
            return true;
        } catch (RollbackStoppedException e) {
            log.info("request={} account={} outcome=rollback-failed code={}", id, spec.accountId(), e.code);
            requests.markRollbackFailed(id, e.code, e.message);
            metrics.jobEnded(spec.accountId(), "rollback_failed");
            return false;
        } catch (RuntimeException e) {
            log.error("request={} account={} could not be rolled back", id, spec.accountId(), e);
            requests.markRollbackFailed(
                    id,
                    RoleApplier.INTERNAL_ERROR,
                    "Rolecall could not roll back the request; see the application log.");
            metrics.jobEnded(spec.accountId(), "rollback_failed");
            return false;
        }
    }

    private void undo(RoleRequestId id, IamSession iam, String roleName, CreatedResources created) {
        if (created.role()) {
            requireOwnRole(id, iam, roleName);
        }
        for (String policyArn : created.attachedPolicyArns()) {
            call(
                    id,
                    iam,
                    CreatedResources.DETACH_ROLE_POLICY,
                    roleName,
                    "PolicyArn",
                    policyArn,
                    () -> iam.detachRolePolicy(roleName, policyArn));
        }
        for (String policyName : created.inlinePolicyNames()) {
            call(
                    id,
                    iam,
                    CreatedResources.DELETE_ROLE_POLICY,
                    roleName,
                    "PolicyName",
                    policyName,
                    () -> iam.deleteRolePolicy(roleName, policyName));
        }
        if (created.role()) {
            call(id, iam, CreatedResources.DELETE_ROLE, roleName, null, null, () -> iam.deleteRole(roleName));
        }
    }

    /** Never remove anything from a role this request did not create. */
    private void requireOwnRole(RoleRequestId id, IamSession iam, String roleName) {
        try {
            Optional<IamSession.ExistingRole> role = iam.findRole(roleName);
            if (role.isPresent() && !id.value().toString().equals(role.get().requestIdTag())) {
                throw new RollbackStoppedException(
                        RoleApplier.ENTITY_ALREADY_EXISTS,
                        "The role " + roleName + " in AWS is not managed by this request; nothing was removed.");
            }
        } catch (IamCallFailedException e) {
            throw new RollbackStoppedException(e.code(), "GetRole failed: " + e.getMessage());
        }
    }

    private void call(
            RoleRequestId id,
            IamSession iam,
            String action,
            String roleName,
            @Nullable String parameter,
            @Nullable String value,
            Runnable sdkCall) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("RoleName", roleName);
        if (parameter != null && value != null) {
            parameters.put(parameter, value);
        }
        try {
            sdkCall.run();
        } catch (IamCallFailedException e) {
            requests.recordApplyStep(
                    id,
                    new ApplyStepRecord(
                            action, parameters, ApplyStepStatus.FAILED, e.code(), e.getMessage(), e.attempts()));
            throw new RollbackStoppedException(e.code(), action + " failed: " + e.getMessage());
        }
        requests.recordApplyStep(
                id,
                new ApplyStepRecord(
                        action, parameters, ApplyStepStatus.SUCCEEDED, null, null, iam.attemptsOfLastCall()));
    }

    /** A rollback call failed and was recorded; the request fails with its error. */
    private static final class RollbackStoppedException extends RuntimeException {

        private final String code;
        private final String message;

        RollbackStoppedException(String code, String message) {
            super(code, null, false, false);
            this.code = code;
            this.message = message;
        }
    }
}
