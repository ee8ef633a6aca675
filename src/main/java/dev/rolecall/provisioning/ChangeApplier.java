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
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.change.PlannedCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Runs the apply job of a CHANGE, DELETE or IMPORT request. It reads the live role first and makes no call
 * when the role changed in AWS since the reviewers approved the plan: the request goes back to review
 * with the plan computed again. Otherwise it makes the plan's calls one by one, recording each.
 *
 * <p>A run that resumes (after a retry, or a console that died) plans again against the live role:
 * what succeeded before is no longer planned. It goes on only if every call still to make is one the
 * reviewers approved; anything else sends the request back to review.
 */
@Component
class ChangeApplier {

    static final String ROLE_CHANGED = "the role changed in AWS since this plan was approved";

    private static final Logger log = LoggerFactory.getLogger(ChangeApplier.class);

    private final AccountRegistry accounts;
    private final RoleRequestApplyService requests;
    private final IamGateway gateway;
    private final ApplyHalt halt;
    private final ProvisioningMetrics metrics;
    private final LiveChangePlanning planning;

    ChangeApplier(
            AccountRegistry accounts,
            RoleRequestApplyService requests,
            IamGateway gateway,
            ApplyHalt halt,
            ProvisioningMetrics metrics,
            LiveChangePlanning planning) {
        this.planning = planning;
        this.accounts = accounts;
        this.requests = requests;
        this.gateway = gateway;
        this.halt = halt;
        this.metrics = metrics;
    }

    void apply(RoleRequestId id) {
        RoleRequestStatus status = requests.status(id);
        if (status != RoleRequestStatus.APPROVED && status != RoleRequestStatus.APPLYING) {
            log.info("request={} status={} nothing to apply", id, status);
            return;
        }
        RoleSpec spec = requests.approvedSpec(id);
        Optional<ChangePlan> approved = requests.approvedChangePlan(id);
        Optional<TargetAccount> account = accounts.find(spec.accountId()).filter(TargetAccount::applies);
        if (account.isEmpty() || approved.isEmpty()) {
            fail(
                    id,
                    status,
                    RoleApplier.ACCOUNT_NOT_CONFIGURED,
                    "Account " + spec.accountId()
                            + " is not configured to apply in Rolecall, or the request has no plan; nothing was sent to AWS.");
            return;
        }
        try (IamSession iam = gateway.open(account.get(), id)) {
            Run run = new Run(id, requests.kind(id), status, spec, approved.get(), account.get(), iam);
            run.proceed(iam.readRole(spec.roleName()));
        } catch (IamCallFailedException e) {
            fail(id, status, e.code(), "Reading the role before changing it failed: " + e.getMessage());
        }
    }

    private void fail(RoleRequestId id, RoleRequestStatus status, String code, String message) {
        if (status == RoleRequestStatus.APPROVED) {
            requests.startApply(id);
        }
        log.info("request={} outcome=failed code={}", id, code);
        requests.markFailed(id, code, message);
    }

    /** One run of the job for one request. */
    private final class Run {

        private final RoleRequestId id;
        private final RequestKind kind;
        private final RoleRequestStatus status;
        private final RoleSpec spec;
        private final ChangePlan approved;
        private final TargetAccount account;
        private final IamSession iam;

        Run(
                RoleRequestId id,
                RequestKind kind,
                RoleRequestStatus status,
                RoleSpec spec,
                ChangePlan approved,
                TargetAccount account,
                IamSession iam) {
            this.id = id;
            this.kind = kind;
            this.status = status;
            this.spec = spec;
            this.approved = approved;
            this.account = account;
            this.iam = iam;
        }

        void proceed(Optional<LiveRole> live) {
            if (live.isEmpty()) {
                gone();
                return;
            }
            List<IamCall> calls = kind == RequestKind.IMPORT
                    ? planning.importCalls(live.get())
                    : LiveChangePlanning.calls(kind, live.get(), spec, account.managedPoliciesPerRole());
            ChangePlan fresh = LiveChangePlanning.toPlan(live.get(), calls);
            boolean stale = status == RoleRequestStatus.APPROVED ? !approved.sameBaselineAs(fresh) : !approves(calls);
            if (stale) {
                log.info("request={} outcome=replanned reason=\"{}\" calls={}", id, ROLE_CHANGED, calls.size());
                requests.returnToReview(id, fresh);
                return;
            }
            if (status == RoleRequestStatus.APPROVED) {
                requests.startApply(id);
            }
            log.info("request={} account={} kind={} outcome=applying calls={}", id, account.id(), kind, calls.size());
            if (makeAll(calls)) {
                requests.markApplied(id, live.get().arn());
                metrics.jobEnded(account.id(), "applied");
            }
        }

        /** The role is not there: a DELETE that resumes is done; anything else stops before any call. */
        private void gone() {
            if (kind == RequestKind.DELETE && status == RoleRequestStatus.APPLYING) {
                requests.markApplied(id, approved.roleArn());
                metrics.jobEnded(account.id(), "applied");
                return;
            }
            fail(
                    id,
                    status,
                    "NoSuchEntity",
                    "Role " + spec.roleName() + " no longer exists in AWS: " + ROLE_CHANGED + ". Nothing was sent.");
            metrics.jobEnded(account.id(), "failed");
        }

        /** Whether every call is one of the approved plan, with the same parameters. */
        private boolean approves(List<IamCall> calls) {
            Set<JsonNode> allowed = approved.calls().stream()
                    .map(call -> tree(call.call(), call.parameters()))
                    .collect(Collectors.toSet());
            return calls.stream().allMatch(call -> allowed.contains(tree(call.name(), call.parameters())));
        }

        private boolean makeAll(List<IamCall> calls) {
            for (IamCall call : calls) {
                if (!make(call)) {
                    metrics.jobEnded(account.id(), "failed");
                    return false;
                }
            }
            return true;
        }

        private boolean make(IamCall call) {
            try {
                iam.execute(call);
            } catch (IamCallFailedException e) {
                stop(call, e.code(), e.getMessage(), e.attempts());
                return false;
            } catch (RuntimeException e) {
                log.error("request={} action={} failed inside Rolecall", id, call.name(), e);
                stop(call, RoleApplier.INTERNAL_ERROR, "Rolecall could not make the call; see the application log.", 1);
                return false;
            }
            halt.afterCall(call.name());
            requests.recordApplyStep(
                    id,
                    new ApplyStepRecord(
                            call.name(),
                            call.parameters(),
                            ApplyStepStatus.SUCCEEDED,
                            null,
                            null,
                            iam.attemptsOfLastCall()));
            return true;
        }

        private void stop(IamCall call, String code, String message, int attempts) {
            requests.recordApplyStep(
                    id,
                    new ApplyStepRecord(
                            call.name(), call.parameters(), ApplyStepStatus.FAILED, code, message, attempts));
            requests.markFailed(id, code, call.name() + " failed: " + message);
        }
    }

    private static JsonNode tree(String name, Object parameters) {
        return IamCall.JSON.valueToTree(List.of(name, parameters));
    }

    static List<PlannedCall> planned(List<IamCall> calls) {
        return calls.stream()
                .map(call -> new PlannedCall(call.name(), call.parameters()))
                .toList();
    }
}
