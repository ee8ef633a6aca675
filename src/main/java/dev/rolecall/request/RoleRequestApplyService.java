package dev.rolecall.request;

import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.request.review.Emergency;
import dev.rolecall.request.spec.RoleSpecConverter;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the provisioning module needs from requests: the approved spec, and a place to record each
 * IAM call and the outcome. Callers act as the system, never as a person.
 *
 * <p>Each status change is a transaction of its own, run again on the request as it is now when
 * another transaction changed the request meanwhile: a reviewer may close an emergency's review after
 * the fact while its apply runs, and the apply must end as it would have.
 */
@Service
@Transactional
public class RoleRequestApplyService {

    private static final JsonMapper JSON = RoleSpecConverter.JSON;

    private final RoleRequestRepository requests;
    private final ApplyStepLog steps;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RoleRequestApplyService(
            RoleRequestRepository requests,
            ApplyStepLog steps,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.steps = steps;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The spec of the revision that was approved. */
    @Transactional(readOnly = true)
    public RoleSpec approvedSpec(RoleRequestId id) {
        return load(id).spec();
    }

    /** The request as the system reads it: the inventory records who asked for an applied role. */
    @Transactional(readOnly = true)
    public RoleRequestView view(RoleRequestId id) {
        return load(id).toView();
    }

    /**
     * The emergencies (break-glass) among these requests, by id, with how their review after the fact
     * stands now: the inventory flags them in a role's history. Requests filed as usual are left out.
     */
    @Transactional(readOnly = true)
    public Map<RoleRequestId, Emergency> emergencies(Collection<RoleRequestId> ids) {
        Map<RoleRequestId, Emergency> found = new HashMap<>();
        if (!ids.isEmpty()) {
            requests.findEmergencies(ids.stream().map(RoleRequestId::value).toList())
                    .forEach(row -> found.put(new RoleRequestId(row.id()), row.emergency()));
        }
        return found;
    }

    /** Whether the request creates, changes or deletes its role. */
    @Transactional(readOnly = true)
    public RequestKind kind(RoleRequestId id) {
        return load(id).kind();
    }

    /** The plan against the live role that reviewers approved, for CHANGE and DELETE requests. */
    @Transactional(readOnly = true)
    public Optional<ChangePlan> approvedChangePlan(RoleRequestId id) {
        return Optional.ofNullable(load(id).changePlan());
    }

    /**
     * The role changed in AWS since its plan was approved: nothing is sent, and the request goes back
     * to review as a new revision filed by Rolecall with the plan against the live role now.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void returnToReview(RoleRequestId id, ChangePlan plan) {
        change(id, "returnToReview", request -> {
            request.replan(plan, clock.instant());
            request.startReview(clock.instant());
        });
    }

    /** Where the request is now: an apply job starts an APPROVED request and resumes an APPLYING one. */
    @Transactional(readOnly = true)
    public RoleRequestStatus status(RoleRequestId id) {
        return load(id).status();
    }

    /**
     * The calls that already succeeded, apply and rollback calls alike, in order: a retry resumes
     * after them, and a rollback undoes what they left in AWS.
     */
    @Transactional(readOnly = true)
    public List<ApplyStepRecord> succeededSteps(RoleRequestId id) {
        return load(id).succeededSteps();
    }

    /** Plan-only: records the calls apply would make; nothing is sent to AWS. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void recordPlan(RoleRequestId id, List<ApplyStepRecord> plan) {
        change(id, "recordPlan", request -> {
            request.recordPlan(
                    plan,
                    plan.stream()
                            .map(step -> JSON.writeValueAsString(step.parameters()))
                            .toList(),
                    clock.instant());
        });
    }

    /** APPROVED (or FAILED, for a retry) → APPLYING. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void startApply(RoleRequestId id) {
        change(id, "startApply", request -> request.startApply(clock.instant()));
    }

    /**
     * Records one IAM call and its outcome with a single statement (see {@link ApplyStepLog}); the
     * audit trail names the calls when the request reaches its outcome.
     *
     * Runs outside any transaction: the statement is its own, one round trip to PostgreSQL.
     *
     * @throws IllegalTransitionException if the request is neither applying nor rolling back
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void recordApplyStep(RoleRequestId id, ApplyStepRecord step) {
        if (!steps.append(id, step, JSON.writeValueAsString(step.parameters()), clock.instant())) {
            throw new IllegalTransitionException(status(id), "record an apply step for");
        }
    }

    /** APPLYING → APPLIED. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void markApplied(RoleRequestId id, String roleArn) {
        change(id, "markApplied", request -> request.markApplied(roleArn, clock.instant()));
    }

    /** ROLLING_BACK → ROLLED_BACK. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void markRolledBack(RoleRequestId id) {
        change(id, "markRolledBack", request -> request.markRolledBack(clock.instant()));
    }

    /** ROLLING_BACK → FAILED, with the AWS error code and message. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void markRollbackFailed(RoleRequestId id, String errorCode, String errorMessage) {
        change(
                id,
                "markRollbackFailed",
                request -> request.markRollbackFailed(errorCode, errorMessage, clock.instant()));
    }

    /** APPLYING → FAILED, with the AWS error code and message. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void markFailed(RoleRequestId id, String errorCode, String errorMessage) {
        change(id, "markFailed", request -> request.markFailed(errorCode, errorMessage, clock.instant()));
    }

    /** Reads, changes and saves the request in a transaction of its own; again if it lost a race. */
    private void change(RoleRequestId id, String action, Consumer<RoleRequest> change) {
        OptimisticRetry.run(
                "request=" + id + " " + action,
                () -> transactions.execute(status -> {
                    RoleRequest request = load(id);
                    change.accept(request);
                    return requests.saveAndFlush(request);
                }));
    }

    private RoleRequest load(RoleRequestId id) {
        return requests.findById(id.value()).orElseThrow(() -> new RoleRequestNotFoundException(id));
    }
}
