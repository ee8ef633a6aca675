package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.RoleRequestApplyService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.events.RoleApplyStarted;
import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.problems.IllegalTransitionException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Applies a request once its approval has committed. In a plan-only account it records the change
 * plan and sends nothing to AWS; in an applying account it makes the plan's calls one by one,
 * recording each, and ends the request APPLIED with the role's ARN or FAILED with the error.
 */
@Component
class RoleApplier {

    /** The code of a failure inside Rolecall rather than AWS; details go to the log only. */
    static final String INTERNAL_ERROR = "InternalError";

    static final String ACCOUNT_NOT_CONFIGURED = "AccountNotConfigured";

    private static final Logger log = LoggerFactory.getLogger(RoleApplier.class);

    private final AccountRegistry accounts;
    private final RoleRequestApplyService requests;
    private final ChangePlanner planner;
    private final IamGateway gateway;

    RoleApplier(AccountRegistry accounts, RoleRequestApplyService requests, ChangePlanner planner, IamGateway gateway) {
        this.accounts = accounts;
        this.requests = requests;
        this.planner = planner;
        this.gateway = gateway;
    }

    /**
     * Runs outside any transaction, so each record call commits on its own and the request's
     * progress is visible while AWS calls are in flight.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RoleRequestApproved approved) {
        RoleRequestId id = approved.request().id();
        RoleSpec spec = requests.approvedSpec(id);
        List<IamCall> plan = planner.plan(id, spec);
        Optional<TargetAccount> account = accounts.find(spec.accountId());
        try {
            if (account.isPresent() && !account.get().applies()) {
                log.info("request={} account={} outcome=planned calls={}", id, spec.accountId(), plan.size());
                requests.recordPlan(
                        id,
                        plan.stream()
                                .map(call -> step(call, ApplyStepStatus.PLANNED))
                                .toList());
                return;
            }
            requests.startApply(id);
        } catch (IllegalTransitionException e) {
            // A redelivered event: the request was planned or applied before.
            log.info("request={} is past APPROVED; nothing to apply", id);
            return;
        }
        if (account.isEmpty()) {
            requests.markFailed(
                    id,
                    ACCOUNT_NOT_CONFIGURED,
                    "Account " + spec.accountId() + " is not configured in Rolecall; nothing was sent to AWS.");
            return;
        }
        apply(id, account.get(), plan);
    }

    /**
     * A person retried a failed apply (the request is APPLYING again): make the calls that have not
     * succeeded yet, in plan order, and read the role's ARN when CreateRole succeeded before.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RoleApplyStarted started) {
        RoleRequestId id = started.request().id();
        if (!started.retry() || !requests.isApplying(id)) {
            return;
        }
        RoleSpec spec = requests.approvedSpec(id);
        Optional<TargetAccount> account = accounts.find(spec.accountId()).filter(TargetAccount::applies);
        if (account.isEmpty()) {
            requests.markFailed(
                    id,
                    ACCOUNT_NOT_CONFIGURED,
                    "Account " + spec.accountId()
                            + " is not configured to apply in Rolecall; nothing was sent to AWS.");
            return;
        }
        Set<String> done = requests.succeededSteps(id).stream()
                .map(step -> IamCall.key(step.call(), step.parameters()))
                .collect(Collectors.toSet());
        List<IamCall> remaining = planner.plan(id, spec).stream()
                .filter(call -> !done.contains(call.key()))
                .toList();
        log.info("request={} account={} outcome=retrying calls={}", id, spec.accountId(), remaining.size());
        apply(id, account.get(), remaining);
    }

    private void apply(RoleRequestId id, TargetAccount account, List<IamCall> plan) {
        String roleArn = null;
        try (IamSession iam = gateway.open(account, id)) {
            for (IamCall call : plan) {
                String arn = execute(id, iam, call);
                roleArn = arn == null ? roleArn : arn;
            }
            if (roleArn == null) {
                // CreateRole succeeded before a retry: the role exists, so read its ARN.
                roleArn = existingRoleArn(iam, id);
            }
        } catch (ApplyStoppedException e) {
            log.info("request={} account={} outcome=failed code={}", id, account.id(), e.code);
            requests.markFailed(id, e.code, e.message);
            return;
        } catch (RuntimeException e) {
            log.error("request={} account={} could not be applied", id, account.id(), e);
            requests.markFailed(id, INTERNAL_ERROR, "Rolecall could not apply the request; see the application log.");
            return;
        }
        log.info("request={} account={} outcome=applied arn={}", id, account.id(), roleArn);
        requests.markApplied(id, Objects.requireNonNull(roleArn, "the role's ARN"));
    }

    private String existingRoleArn(IamSession iam, RoleRequestId id) {
        try {
            return iam.roleArn(requests.approvedSpec(id).roleName());
        } catch (IamCallFailedException e) {
            throw new ApplyStoppedException(e.code(), e.getMessage());
        }
    }

    /** Makes one call and records it; a failed call is recorded, then stops the apply. */
    private @Nullable String execute(RoleRequestId id, IamSession iam, IamCall call) {
        String arn;
        try {
            arn = iam.execute(call);
        } catch (IamCallFailedException e) {
            throw stop(id, call, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("request={} action={} failed inside Rolecall", id, call.name(), e);
            throw stop(id, call, INTERNAL_ERROR, "Rolecall could not make the call; see the application log.");
        }
        requests.recordApplyStep(id, step(call, ApplyStepStatus.SUCCEEDED));
        return arn;
    }

    private ApplyStoppedException stop(RoleRequestId id, IamCall call, String code, String message) {
        requests.recordApplyStep(
                id, new ApplyStepRecord(call.name(), call.parameters(), ApplyStepStatus.FAILED, code, message));
        return new ApplyStoppedException(code, message);
    }

    private static ApplyStepRecord step(IamCall call, ApplyStepStatus status) {
        return new ApplyStepRecord(call.name(), call.parameters(), status, null, null);
    }

    /** A step failed and was recorded; the request fails with the step's error. */
    private static final class ApplyStoppedException extends RuntimeException {

        private final String code;
        private final String message;

        ApplyStoppedException(String code, String message) {
            super(code, null, false, false);
            this.code = code;
            this.message = message;
        }
    }
}
