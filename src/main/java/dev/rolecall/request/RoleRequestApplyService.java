package dev.rolecall.request;

import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.request.spec.RoleSpecConverter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the provisioning module needs from requests: the approved spec, and a place to record each
 * IAM call and the outcome. Callers act as the system, never as a person.
 */
@Service
@Transactional
public class RoleRequestApplyService {

    private static final JsonMapper JSON = RoleSpecConverter.JSON;

    private final RoleRequestRepository requests;
    private final ApplyStepLog steps;
    private final Clock clock;

    RoleRequestApplyService(RoleRequestRepository requests, ApplyStepLog steps, Clock clock) {
        this.requests = requests;
        this.steps = steps;
        this.clock = clock;
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
    public void returnToReview(RoleRequestId id, ChangePlan plan) {
        RoleRequest request = load(id);
        request.replan(plan, clock.instant());
        request.startReview(clock.instant());
        requests.save(request);
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
    public void recordPlan(RoleRequestId id, List<ApplyStepRecord> plan) {
        RoleRequest request = load(id);
        request.recordPlan(
                plan,
                plan.stream()
                        .map(step -> JSON.writeValueAsString(step.parameters()))
                        .toList(),
                clock.instant());
        requests.save(request);
    }

    /** APPROVED (or FAILED, for a retry) → APPLYING. */
    public void startApply(RoleRequestId id) {
        RoleRequest request = load(id);
        request.startApply(clock.instant());
        requests.save(request);
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
    public void markApplied(RoleRequestId id, String roleArn) {
        RoleRequest request = load(id);
        request.markApplied(roleArn, clock.instant());
        requests.save(request);
    }

    /** ROLLING_BACK → ROLLED_BACK. */
    public void markRolledBack(RoleRequestId id) {
        RoleRequest request = load(id);
        request.markRolledBack(clock.instant());
        requests.save(request);
    }

    /** ROLLING_BACK → FAILED, with the AWS error code and message. */
    public void markRollbackFailed(RoleRequestId id, String errorCode, String errorMessage) {
        RoleRequest request = load(id);
        request.markRollbackFailed(errorCode, errorMessage, clock.instant());
        requests.save(request);
    }

    /** APPLYING → FAILED, with the AWS error code and message. */
    public void markFailed(RoleRequestId id, String errorCode, String errorMessage) {
        RoleRequest request = load(id);
        request.markFailed(errorCode, errorMessage, clock.instant());
        requests.save(request);
    }

    private RoleRequest load(RoleRequestId id) {
        return requests.findById(id.value()).orElseThrow(() -> new RoleRequestNotFoundException(id));
    }
}
