package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestApplyService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.problems.IllegalTransitionException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a request's apply job. In a plan-only account it records the change plan and sends nothing
 * to AWS; in an applying account it makes the plan's calls one by one, recording each, and ends the
 * request APPLIED with the role's ARN or FAILED with the error.
 *
 * <p>A job may run again for the same request: after a person's retry, or after the console
 * running it died. It then resumes: every call that succeeded is recorded and not made again, and
 * a call that was made but not recorded before a crash is safe to make again (see {@link
 * #execute}). Runs outside any transaction, so each record call commits on its own and the
 * request's progress is visible while AWS calls are in flight.
 */
@Component
class RoleApplier {

    /** The code of a failure inside Rolecall rather than AWS; details go to the log only. */
    static final String INTERNAL_ERROR = "InternalError";

    static final String ACCOUNT_NOT_CONFIGURED = "AccountNotConfigured";

    static final String ENTITY_ALREADY_EXISTS = "EntityAlreadyExists";

    static final String NOT_OURS = "A role with this name already exists and is not managed by this request";

    private static final Logger log = LoggerFactory.getLogger(RoleApplier.class);

    private final AccountRegistry accounts;
    private final RoleRequestApplyService requests;
    private final ChangePlanner planner;
    private final IamGateway gateway;
    private final ApplyHalt halt;
    private final ProvisioningMetrics metrics;
    private final ChangeApplier changes;
    private final ApplyStepRecords records;

    RoleApplier(
            AccountRegistry accounts,
            RoleRequestApplyService requests,
            ChangePlanner planner,
            IamGateway gateway,
            ApplyHalt halt,
            ProvisioningMetrics metrics,
            ChangeApplier changes,
            ApplyStepRecords records) {
        this.records = records;
        this.metrics = metrics;
        this.changes = changes;
        this.accounts = accounts;
        this.requests = requests;
        this.planner = planner;
        this.gateway = gateway;
        this.halt = halt;
    }

    /**
     * The apply job: starts an APPROVED request, resumes an APPLYING one, and leaves a request in
     * any other state alone (it was planned, applied or failed by an earlier run of the job).
     */
    void apply(RoleRequestId id) {
        RequestKind kind = requests.kind(id);
        if (kind == RequestKind.CHANGE || kind == RequestKind.DELETE || kind == RequestKind.IMPORT) {
            changes.apply(id);
            return;
        }
        RoleRequestStatus status = requests.status(id);
        if (status == RoleRequestStatus.APPROVED) {
            begin(id);
        } else if (status == RoleRequestStatus.APPLYING) {
            resume(id);
        } else {
            log.info("request={} status={} nothing to apply", id, status);
        }
    }

    private void begin(RoleRequestId id) {
        RoleSpec spec = requests.approvedSpec(id);
        List<IamCall> plan = planner.plan(id, spec);
        Optional<TargetAccount> account = accounts.find(spec.accountId());
        try {
            if (account.isPresent() && !account.get().applies()) {
                log.info("request={} account={} outcome=planned calls={}", id, spec.accountId(), plan.size());
                requests.recordPlan(
                        id,
                        plan.stream()
                                .map(call -> step(call, ApplyStepStatus.PLANNED, 1))
                                .toList());
                return;
            }
            requests.startApply(id);
        } catch (IllegalTransitionException e) {
            // The plan was recorded before, or another run started the apply.
            log.info("request={} is past APPROVED; nothing to apply", id);
            return;
        }
        resume(id);
    }

    /**
     * Makes the calls that have not succeeded yet, in plan order, and reads the role's ARN when
     * CreateRole succeeded in an earlier run.
     */
    private void resume(RoleRequestId id) {
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
        CreatedResources done = CreatedResources.of(requests.succeededSteps(id));
        List<IamCall> remaining = planner.plan(id, spec).stream()
                .filter(call -> !done.contains(call))
                .toList();
        log.info("request={} account={} outcome=applying calls={}", id, spec.accountId(), remaining.size());
        run(id, account.get(), remaining);
    }

    /**
     * Makes the calls, each recorded as it succeeds; the records are written beside the calls
     * ({@link ApplyStepRecords}) and all of them before the request's outcome.
     */
    private void run(RoleRequestId id, TargetAccount account, List<IamCall> plan) {
        String roleArn = null;
        ApplyStepRecords.Job steps = records.of(id);
        try (IamSession iam = gateway.open(account, id)) {
            iam.reserveTurns(plan.size());
            for (IamCall call : plan) {
                String arn = execute(steps, iam, call);
                roleArn = arn == null ? roleArn : arn;
            }
            if (roleArn == null) {
                // CreateRole succeeded in an earlier run: the role exists, so read its ARN.
                roleArn = existingRoleArn(iam, id);
            }
            steps.awaitWritten();
        } catch (ApplyStoppedException e) {
            steps.awaitWritten();
            log.info("request={} account={} outcome=failed code={}", id, account.id(), e.code);
            requests.markFailed(id, e.code, e.message);
            metrics.jobEnded(account.id(), "failed");
            return;
        } catch (RuntimeException e) {
            log.error("request={} account={} could not be applied", id, account.id(), e);
            awaitQuietly(steps);
            requests.markFailed(id, INTERNAL_ERROR, "Rolecall could not apply the request; see the application log.");
            metrics.jobEnded(account.id(), "failed");
            return;
        }
        log.info("request={} account={} outcome=applied arn={}", id, account.id(), roleArn);
        requests.markApplied(id, Objects.requireNonNull(roleArn, "the role's ARN"));
        metrics.jobEnded(account.id(), "applied");
    }

    private String existingRoleArn(IamSession iam, RoleRequestId id) {
        try {
            return iam.findRole(requests.approvedSpec(id).roleName())
                    .map(IamSession.ExistingRole::arn)
                    .orElseThrow(() -> new ApplyStoppedException(
                            "NoSuchEntity", "The role this request created no longer exists in AWS."));
        } catch (IamCallFailedException e) {
            throw new ApplyStoppedException(e.code(), e.getMessage());
        }
    }

    /**
     * Makes one call and records it; a failed call is recorded, then stops the apply. CreateRole
     * that finds the role already there succeeds only if the role carries this request's
     * {@code rolecall:request-id} tag (an earlier run created it and died before recording that);
     * anyone else's role is never adopted. PutRolePolicy and AttachRolePolicy are idempotent.
     */
    private @Nullable String execute(ApplyStepRecords.Job steps, IamSession iam, IamCall call) {
        RoleRequestId id = steps.id();
        String arn;
        try {
            arn = iam.execute(call);
        } catch (IamCallFailedException e) {
            if (call instanceof IamCall.CreateRole create && ENTITY_ALREADY_EXISTS.equals(e.code())) {
                arn = ownRole(steps, iam, create, e.attempts());
            } else {
                throw stop(steps, call, e.code(), e.getMessage(), e.attempts());
            }
        } catch (RuntimeException e) {
            log.error("request={} action={} failed inside Rolecall", id, call.name(), e);
            throw stop(steps, call, INTERNAL_ERROR, "Rolecall could not make the call; see the application log.", 1);
        }
        halt.afterCall(call.name());
        steps.record(step(call, ApplyStepStatus.SUCCEEDED, iam.attemptsOfLastCall()));
        return arn;
    }

    private String ownRole(ApplyStepRecords.Job steps, IamSession iam, IamCall.CreateRole create, int attempts) {
        RoleRequestId id = steps.id();
        Optional<IamSession.ExistingRole> existing;
        try {
            existing = iam.findRole(create.roleName());
        } catch (IamCallFailedException e) {
            throw stop(steps, create, e.code(), e.getMessage(), attempts);
        }
        if (existing.isPresent() && id.value().toString().equals(existing.get().requestIdTag())) {
            log.info(
                    "request={} role={} exists and carries this request's tag: CreateRole done", id, create.roleName());
            return existing.get().arn();
        }
        throw stop(
                steps,
                create,
                ENTITY_ALREADY_EXISTS,
                NOT_OURS + " (role " + create.roleName() + ", "
                        + ChangePlanner.REQUEST_ID_TAG + " "
                        + existing.map(IamSession.ExistingRole::requestIdTag).orElse("absent") + ").",
                attempts);
    }

    private ApplyStoppedException stop(
            ApplyStepRecords.Job steps, IamCall call, String code, String message, int attempts) {
        steps.record(
                new ApplyStepRecord(call.name(), call.parameters(), ApplyStepStatus.FAILED, code, message, attempts));
        return new ApplyStoppedException(code, call.name() + " failed: " + message);
    }

    /** Waits for the steps queued before a failure inside Rolecall; a record that failed too is logged. */
    private static void awaitQuietly(ApplyStepRecords.Job steps) {
        try {
            steps.awaitWritten();
        } catch (RuntimeException e) {
            log.error("request={} a step could not be recorded", steps.id(), e);
        }
    }

    private static ApplyStepRecord step(IamCall call, ApplyStepStatus status, int attempts) {
        return new ApplyStepRecord(call.name(), call.parameters(), status, null, null, attempts);
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
