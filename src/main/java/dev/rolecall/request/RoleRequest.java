package dev.rolecall.request;

import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.events.RoleApplicationFailed;
import dev.rolecall.request.events.RoleApplied;
import dev.rolecall.request.events.RoleApplyStarted;
import dev.rolecall.request.events.RoleApplyStepRecorded;
import dev.rolecall.request.events.RolePlanRecorded;
import dev.rolecall.request.events.RolePlanRenewed;
import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRequestChangesRequested;
import dev.rolecall.request.events.RoleRequestCommented;
import dev.rolecall.request.events.RoleRequestDecisionRecorded;
import dev.rolecall.request.events.RoleRequestEmergencyFiled;
import dev.rolecall.request.events.RoleRequestEmergencyReviewed;
import dev.rolecall.request.events.RoleRequestRef;
import dev.rolecall.request.events.RoleRequestRejected;
import dev.rolecall.request.events.RoleRequestReviewStarted;
import dev.rolecall.request.events.RoleRequestSlaPassed;
import dev.rolecall.request.events.RoleRequestStageOpened;
import dev.rolecall.request.events.RoleRequestSubmitted;
import dev.rolecall.request.events.RoleRequestWithdrawn;
import dev.rolecall.request.events.RoleRollbackFailed;
import dev.rolecall.request.events.RoleRollbackStarted;
import dev.rolecall.request.events.RoleRolledBack;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.CommentRequiredException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.NoEmergencyReviewException;
import dev.rolecall.request.review.Emergency;
import dev.rolecall.request.review.ReviewProgress;
import dev.rolecall.request.review.StageView;
import dev.rolecall.request.spec.RoleSpecConverter;
import dev.rolecall.routing.Route;
import dev.rolecall.routing.RouteStage;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A role request and its lifecycle. Every change goes through a method here that checks the
 * transition, records what happened and registers the matching {@link RoleRequestActivity}.
 */
@Entity
@Table(name = "role_request")
class RoleRequest extends AbstractAggregateRoot<RoleRequest> {

    static final String SYSTEM_ACTOR = "rolecall";

    /** The rule name an emergency request's route and decision carry. */
    static final String BREAK_GLASS_RULE = "break-glass";

    @Id
    private UUID id;

    private String requester;

    private @Nullable String requesterTeam;

    private String accountId;

    private String roleName;

    @Enumerated(EnumType.STRING)
    private RequestKind kind = RequestKind.CREATE;

    private int revision;

    @Convert(converter = RoleSpecConverter.class)
    private RoleSpec spec;

    private String justification;

    @Enumerated(EnumType.STRING)
    private RoleRequestStatus status;

    private @Nullable String roleArn;

    private boolean planOnly;

    private @Nullable String failureCode;

    private @Nullable String failureMessage;

    @Enumerated(EnumType.STRING)
    private @Nullable RiskLevel riskLevel;

    private @Nullable String topFindingCode;

    private String[] findingCodes = new String[0];

    private @Nullable String riskReason;

    private @Nullable String routeRule;

    private @Nullable String emergencyReason;

    @Enumerated(EnumType.STRING)
    private Emergency.@Nullable Review emergencyReview;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "request_id", nullable = false)
    @OrderBy("decidedAt")
    private List<Decision> decisions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "request_id", nullable = false)
    @OrderBy("position")
    private List<ApplyStep> applySteps = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "request_id", nullable = false)
    @OrderBy("revision")
    private List<Revision> revisions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "request_id", nullable = false)
    @OrderBy("revision, position")
    private List<ReviewStage> stages = new ArrayList<>();

    protected RoleRequest() {}

    private RoleRequest(String requester, @Nullable String team, RoleSpec spec, String justification, Instant now) {
        this.id = UUID.randomUUID();
        this.requester = requester;
        this.requesterTeam = team;
        this.accountId = spec.accountId();
        this.roleName = spec.roleName();
        this.revision = 1;
        this.spec = spec;
        this.justification = justification;
        this.status = RoleRequestStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Starts a request as a draft that only its requester sees. */
    static RoleRequest draft(
            String requester, @Nullable String team, RoleSpec spec, String justification, Instant now) {
        return new RoleRequest(requester, team, spec, justification, now);
    }

    /** Starts a request of any kind as a draft; see {@link RequestKind}. */
    static RoleRequest draft(
            RequestKind kind,
            String requester,
            @Nullable String team,
            RoleSpec spec,
            String justification,
            Instant now) {
        RoleRequest request = new RoleRequest(requester, team, spec, justification, now);
        request.kind = kind;
        return request;
    }

    /**
     * Records the policy analysis of the current revision: the risk level routing uses, the finding
     * that sets it, and why the level is higher than that finding, if it is.
     */
    void assess(RiskLevel risk, @Nullable String topFinding, @Nullable String reason) {
        riskLevel = risk;
        topFindingCode = topFinding;
        riskReason = reason;
        findingCodes = topFinding == null ? new String[0] : new String[] {topFinding};
    }

    /**
     * As {@link #assess(RiskLevel, String, String)}, from the current revision's analysis, and with
     * the codes of all its findings, which the inbox's finding filter matches.
     */
    void assess(PolicyAnalysis analysis) {
        assess(
                analysis.riskLevel(),
                analysis.topFinding().map(PolicyFinding::code).orElse(null),
                analysis.riskReason());
        findingCodes = analysis.findings().stream()
                .map(PolicyFinding::code)
                .distinct()
                .sorted()
                .toArray(String[]::new);
    }

    /** The requester files the current revision: DRAFT → SUBMITTED. */
    void submit(String actor, Instant now) {
        submit(actor, null, now);
    }

    /** As {@link #submit(String, Instant)}, with the plan of a CHANGE or DELETE against the live role. */
    void submit(String actor, @Nullable ChangePlan plan, Instant now) {
        requireRequester(actor);
        moveTo(RoleRequestStatus.SUBMITTED, "submit", now);
        revisions.add(new Revision(revision, spec, justification, actor, now, plan));
        registerEvent(new RoleRequestSubmitted(ref(), actor, now, revision, justification));
    }

    /** Routing hands the revision to reviewers: SUBMITTED → IN_REVIEW. */
    void startReview(Instant now) {
        moveTo(RoleRequestStatus.IN_REVIEW, "start review of", now);
        registerEvent(new RoleRequestReviewStarted(ref(), SYSTEM_ACTOR, now, revision));
    }

    /**
     * A reviewer decides on the current revision. One approval completes the review; rejecting
     * or requesting changes ends it. Who may decide is checked first, then whether the request
     * awaits a decision, then the comment ({@link DecisionType#needsComment}). A
     * {@link DecisionType#COMMENT} decides nothing: see {@link #comment}.
     *
     * @throws ActionNotAllowedException if the reviewer filed the request or is not a reviewer
     * @throws IllegalTransitionException if the request is not awaiting a decision
     * @throws CommentRequiredException if the decision needs a comment and has none
     */
    void decide(Actor actor, DecisionType decision, @Nullable String comment, Instant now) {
        decide(actor, Set.of(), decision, comment, now);
    }

    /**
     * As {@link #decide(Actor, DecisionType, String, Instant)}, on a routed revision: only members of
     * the waiting stage's groups decide, an approval counts towards that stage, and the request is
     * APPROVED when its last stage has its approvals. Nobody counts twice: one person approves one
     * stage, and a reviewer who edited the revision is never its only approver.
     *
     * @param memberOf the reviewer groups the actor belongs to
     * @throws ActionNotAllowedException also if the actor is not in the waiting stage's groups, already
     *     approved a stage of this revision, or would be the only approver of their own edit
     */
    void decide(Actor actor, Set<String> memberOf, DecisionType decision, @Nullable String comment, Instant now) {
        RoleRequestStatus next = decision.outcome();
        if (next == null) {
            comment(actor, comment, now);
            return;
        }
        if (actor.filed(requester)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.OWN_REQUEST);
        }
        if (!actor.reviewer()) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_A_REVIEWER);
        }
        if (!status.awaitsDecision()) {
            throw new IllegalTransitionException(status, "decide on");
        }
        Optional<ReviewStage> waiting = waitingStage();
        if (waiting.isPresent()) {
            requireAdmitted(waiting.get(), actor.username(), memberOf, decision);
        }
        requireCommentIfNeeded(decision, comment);
        String reviewer = actor.username();
        if (decision == DecisionType.APPROVE && waiting.isPresent()) {
            approveStage(waiting.get(), reviewer, comment, now);
            return;
        }
        moveTo(next, "decide on", now);
        decisions.add(new Decision(reviewer, decision, comment, revision, now));
        registerEvent(new RoleRequestDecisionRecorded(ref(), reviewer, now, revision, decision, comment));
        registerEvent(
                switch (decision) {
                    case APPROVE -> new RoleRequestApproved(ref(), reviewer, now, revision);
                    case REJECT -> new RoleRequestRejected(ref(), reviewer, now, revision);
                    case REQUEST_CHANGES -> new RoleRequestChangesRequested(ref(), reviewer, now, revision);
                    case COMMENT -> throw new IllegalStateException("a comment decides nothing");
                });
    }

    /**
     * Routing fixed the route of the current revision, which is IN_REVIEW: its stages wait in order,
     * the first from now; or the rule approves it (recorded with the rule's name) or denies it
     * with the rule's message, both as {@value #SYSTEM_ACTOR}.
     */
    void route(Route route, Instant now) {
        if (status != RoleRequestStatus.IN_REVIEW) {
            throw new IllegalTransitionException(status, "route");
        }
        routeRule = route.ruleName();
        switch (route.outcome()) {
            case AUTO_APPROVE ->
                decideAsRouting(DecisionType.APPROVE, "Approved by routing rule " + route.ruleLabel(), now);
            case DENY -> decideAsRouting(DecisionType.REJECT, denial(route), now);
            case REVIEW -> {
                for (int i = 0; i < route.stages().size(); i++) {
                    stages.add(new ReviewStage(revision, i + 1, route.stages().get(i)));
                }
                waitingOrNext().ifPresent(stage -> openStage(stage, now));
            }
        }
    }

    /**
     * Break-glass: the current revision, IN_REVIEW, skips its route. The system approves it at once
     * (recorded as a decision of the break-glass rule, with the reason) so that it is applied like any
     * approved request, and the review after the fact opens now in {@code review}.
     */
    void breakGlass(String reason, RouteStage review, Instant now) {
        if (status != RoleRequestStatus.IN_REVIEW || kind == RequestKind.DELETE || kind == RequestKind.IMPORT) {
            throw new IllegalTransitionException(status, "break the glass for");
        }
        emergencyReason = reason;
        routeRule = BREAK_GLASS_RULE;
        registerEvent(new RoleRequestEmergencyFiled(ref(), requester, now, revision, reason));
        decideAsRouting(DecisionType.APPROVE, "Approved at once by break-glass: " + reason, now);
        ReviewStage stage = new ReviewStage(revision, 1, review);
        stages.add(stage);
        stage.open(now);
        registerEvent(new RoleRequestStageOpened(
                ref(), stage.position(), stage.groups(), stage.approvalsNeeded(), stage.dueAt(), true));
    }

    /**
     * A reviewer closes the review after the fact of an emergency: confirms what was applied (the
     * review closes once the stage has its approvals, one per person), or revokes it (a comment is
     * required, and the request that undoes it is filed next). Members of the review stage's groups
     * only; the filer never counts.
     *
     * @throws ActionNotAllowedException for the filer, non-reviewers and anyone the stage does not admit
     * @throws IllegalTransitionException if the request is no emergency or its review is closed
     * @throws CommentRequiredException for a revocation without a comment
     */
    void reviewEmergency(Actor actor, Set<String> memberOf, boolean confirm, @Nullable String comment, Instant now) {
        ReviewStage stage = requireEmergencyReviewer(actor, memberOf);
        if (!confirm && (comment == null || comment.isBlank())) {
            throw CommentRequiredException.toRevoke();
        }
        DecisionType decision = confirm ? DecisionType.APPROVE : DecisionType.REJECT;
        String reviewer = actor.username();
        decisions.add(new Decision(reviewer, decision, comment, revision, now, stage.position()));
        updatedAt = now;
        registerEvent(new RoleRequestDecisionRecorded(ref(), reviewer, now, revision, decision, comment));
        if (confirm && approvalsOn(stage) < stage.approvalsNeeded()) {
            return;
        }
        stage.pass(now);
        emergencyReview = confirm ? Emergency.Review.CONFIRMED : Emergency.Review.REVOKED;
        registerEvent(new RoleRequestEmergencyReviewed(ref(), reviewer, now, revision, confirm, comment));
    }

    private ReviewStage requireEmergencyReviewer(Actor actor, Set<String> memberOf) {
        if (actor.filed(requester)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.OWN_REQUEST);
        }
        if (!actor.reviewer()) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_A_REVIEWER);
        }
        if (!awaitsEmergencyReview()) {
            throw new NoEmergencyReviewException(status, emergencyReview == null ? null : emergencyReview.name());
        }
        ReviewStage stage = emergencyStage().orElseThrow(() -> new IllegalTransitionException(status, "review"));
        if (!stage.admits(memberOf)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_IN_WAITING_STAGE);
        }
        if (approversOfRevision().contains(actor.username())) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.ALREADY_APPROVED);
        }
        return stage;
    }

    /** Whether the person may close the review after the fact now: the rules of {@link #reviewEmergency}. */
    boolean mayReviewEmergency(Actor actor, Set<String> memberOf) {
        return awaitsEmergencyReview()
                && !actor.filed(requester)
                && actor.reviewer()
                && !approversOfRevision().contains(actor.username())
                && emergencyStage().map(stage -> stage.admits(memberOf)).orElse(false);
    }

    /** Whether this is an emergency request whose review after the fact still waits. */
    private boolean awaitsEmergencyReview() {
        return emergencyReason != null && emergencyReview == null;
    }

    /** The waiting stage of the revision filed as an emergency. */
    private Optional<ReviewStage> emergencyStage() {
        return stages.stream().filter(ReviewStage::waiting).findFirst();
    }

    private static String denial(Route route) {
        return "Denied by routing rule " + route.ruleLabel() + ": " + route.message();
    }

    private void decideAsRouting(DecisionType decision, String comment, Instant now) {
        RoleRequestStatus next = Objects.requireNonNull(decision.outcome());
        moveTo(next, "decide on", now);
        decisions.add(new Decision(SYSTEM_ACTOR, decision, comment, revision, now));
        registerEvent(new RoleRequestDecisionRecorded(ref(), SYSTEM_ACTOR, now, revision, decision, comment));
        registerEvent(
                decision == DecisionType.APPROVE
                        ? new RoleRequestApproved(ref(), SYSTEM_ACTOR, now, revision)
                        : new RoleRequestRejected(ref(), SYSTEM_ACTOR, now, revision));
    }

    /** Whether routing gave the current revision a route: stages, or a rule that decided on it. */
    boolean routed() {
        return routeRule != null || !stagesOfRevision().isEmpty();
    }

    private void requireAdmitted(ReviewStage stage, String actor, Set<String> memberOf, DecisionType decision) {
        if (!stage.admits(memberOf)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_IN_WAITING_STAGE);
        }
        if (decision != DecisionType.APPROVE) {
            return;
        }
        List<String> approvers = approversOfRevision();
        if (approvers.contains(actor)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.ALREADY_APPROVED);
        }
        if (editedBy(actor) && approvers.isEmpty() && completesRoute(stage)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.OWN_EDIT);
        }
    }

    /** Whether one more approval on this stage approves the whole revision. */
    private boolean completesRoute(ReviewStage stage) {
        boolean last = stagesOfRevision().stream().allMatch(s -> s == stage || s.passed());
        return last && approvalsOn(stage) + 1 >= stage.approvalsNeeded();
    }

    /** Whether someone other than the requester wrote the current revision, and it was this person. */
    private boolean editedBy(String actor) {
        return !actor.equals(requester)
                && revisions.stream()
                        .filter(r -> r.revision() == revision)
                        .anyMatch(r -> r.submittedBy().equals(actor));
    }

    private void approveStage(ReviewStage stage, String reviewer, @Nullable String comment, Instant now) {
        decisions.add(new Decision(reviewer, DecisionType.APPROVE, comment, revision, now, stage.position()));
        registerEvent(new RoleRequestDecisionRecorded(ref(), reviewer, now, revision, DecisionType.APPROVE, comment));
        updatedAt = now;
        if (approvalsOn(stage) < stage.approvalsNeeded()) {
            return;
        }
        stage.pass(now);
        Optional<ReviewStage> next = waitingOrNext();
        if (next.isPresent()) {
            openStage(next.get(), now);
            return;
        }
        moveTo(RoleRequestStatus.APPROVED, "decide on", now);
        registerEvent(new RoleRequestApproved(ref(), reviewer, now, revision));
    }

    private void openStage(ReviewStage stage, Instant now) {
        stage.open(now);
        registerEvent(new RoleRequestStageOpened(
                ref(), stage.position(), stage.groups(), stage.approvalsNeeded(), stage.dueAt()));
    }

    /**
     * The SLA job found the waiting stage past its SLA: it is marked overdue once and its escalation
     * group is to be told. False when there is nothing to mark.
     */
    boolean markOverdue(Instant now) {
        Optional<ReviewStage> waiting =
                status == RoleRequestStatus.IN_REVIEW || awaitsEmergencyReview() ? waitingStage() : Optional.empty();
        if (waiting.isEmpty() || !waiting.get().markOverdue(now)) {
            return false;
        }
        ReviewStage stage = waiting.get();
        updatedAt = now;
        registerEvent(new RoleRequestSlaPassed(ref(), stage.position(), stage.escalationGroup()));
        return true;
    }

    private List<ReviewStage> stagesOfRevision() {
        return stages.stream().filter(s -> s.revision() == revision).toList();
    }

    /** The stage of the current revision that waits for approvals now, if any. */
    private Optional<ReviewStage> waitingStage() {
        return stagesOfRevision().stream().filter(ReviewStage::waiting).findFirst();
    }

    /** The first stage of the current revision that has not passed. */
    private Optional<ReviewStage> waitingOrNext() {
        return stagesOfRevision().stream().filter(s -> !s.passed()).findFirst();
    }

    private long approvalsOn(ReviewStage stage) {
        return decisions.stream()
                .filter(d -> d.revision() == revision && Objects.equals(d.stage(), stage.position()))
                .count();
    }

    private List<String> approversOfRevision() {
        return decisions.stream()
                .filter(d -> d.revision() == revision && d.decision() == DecisionType.APPROVE)
                .map(Decision::reviewer)
                .toList();
    }

    /**
     * The route of the current revision, stage by stage, with who approved each, for a reader in
     * these groups.
     */
    ReviewProgress progress(String reader, Set<String> memberOf) {
        List<StageView> views = stagesOfRevision().stream()
                .map(stage -> stage.toView(decisions.stream()
                        .filter(d -> d.revision() == revision && Objects.equals(d.stage(), stage.position()))
                        .map(Decision::reviewer)
                        .toList()))
                .toList();
        boolean mayDecide = status.awaitsDecision()
                && waitingStage().map(stage -> stage.admits(memberOf)).orElse(false)
                && !approversOfRevision().contains(reader);
        return new ReviewProgress(routeRule, views, mayDecide);
    }

    /**
     * The requester or a reviewer comments on the current revision, e.g. to answer a question. The
     * status stays, the comment never counts as an approval, and it shows in the timeline and the
     * audit trail.
     *
     * @throws ActionNotAllowedException for anyone but the requester and reviewers
     * @throws IllegalTransitionException unless the request is in review or waits for a revision
     * @throws CommentRequiredException if the comment is blank
     */
    private void comment(Actor actor, @Nullable String text, Instant now) {
        if (!takesPart(requester, actor)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.CANNOT_COMMENT);
        }
        if (!status.acceptsComments()) {
            throw new IllegalTransitionException(status, "comment on");
        }
        requireCommentIfNeeded(DecisionType.COMMENT, text);
        String said = Objects.requireNonNull(text, "a comment always needs text");
        String author = actor.username();
        decisions.add(new Decision(author, DecisionType.COMMENT, said, revision, now));
        updatedAt = now;
        registerEvent(new RoleRequestCommented(ref(), author, now, revision, said));
    }

    /** The comment rule, {@link DecisionType#needsComment}, at this request's risk. */
    private void requireCommentIfNeeded(DecisionType decision, @Nullable String comment) {
        if (decision.needsComment(riskLevel) && (comment == null || comment.isBlank())) {
            throw new CommentRequiredException(decision, riskLevel);
        }
    }

    /**
     * The requester files a new revision while reviewers look at the request (IN_REVIEW) or after
     * they asked for changes (CHANGES_REQUESTED): revision N+1 goes back to SUBMITTED and review
     * starts again. Every decision names the revision it was made on, and only decisions on the
     * current revision count: an approval given to an earlier revision never approves this one.
     *
     * @throws ActionNotAllowedException if the actor did not file the request
     * @throws IllegalTransitionException if the request is in any other state
     * @throws IllegalArgumentException if the new spec names another account or role name
     */
    void revise(Actor actor, RoleSpec newSpec, String newJustification, Instant now) {
        revise(actor, Set.of(), newSpec, newJustification, null, now);
    }

    /**
     * As {@link #revise(Actor, RoleSpec, String, Instant)}, with the new revision's plan against the
     * live role, also for a reviewer in the waiting stage's groups while the request is in review: the
     * new revision is theirs (e.g. a narrowed resource), its route starts again, and they can never be
     * its only approver.
     */
    void revise(
            Actor actor,
            Set<String> memberOf,
            RoleSpec newSpec,
            String newJustification,
            @Nullable ChangePlan plan,
            Instant now) {
        requireRevisableBy(actor, memberOf);
        if (!keepsAccountAndRoleName(newSpec)) {
            throw new IllegalArgumentException("a revision keeps the account and role name");
        }
        moveTo(RoleRequestStatus.SUBMITTED, "revise", now);
        revision++;
        spec = newSpec;
        justification = newJustification;
        revisions.add(new Revision(revision, spec, justification, actor.username(), now, plan));
        registerEvent(new RoleRequestSubmitted(ref(), actor.username(), now, revision, justification));
    }

    /**
     * Checks that the actor may revise the request now, before they spend time on a new revision.
     *
     * @throws ActionNotAllowedException if the actor did not file the request
     * @throws IllegalTransitionException if the request is neither in review nor waiting for changes
     */
    void requireRevisableBy(Actor actor) {
        requireRevisableBy(actor, Set.of());
    }

    /**
     * As {@link #requireRevisableBy(Actor)}; a reviewer who did not file the request may edit it while
     * it is in review and they may decide on its waiting stage.
     *
     * @throws ActionNotAllowedException for anyone else
     */
    void requireRevisableBy(Actor actor, Set<String> memberOf) {
        if (!actor.filed(requester) && actor.reviewer()) {
            if (status != RoleRequestStatus.IN_REVIEW) {
                throw new IllegalTransitionException(status, "edit");
            }
            waitingStage().ifPresent(stage -> {
                if (!stage.admits(memberOf)) {
                    throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_IN_WAITING_STAGE);
                }
            });
            return;
        }
        requireRequester(actor.username());
        if (!status.isRevisable()) {
            throw new IllegalTransitionException(status, "revise");
        }
    }

    /** Whether a spec names this request's account and role name, which every revision keeps. */
    boolean keepsAccountAndRoleName(RoleSpec other) {
        return other.accountId().equals(accountId) && other.roleName().equals(roleName);
    }

    /** The requester takes the request back while it is still open. */
    void withdraw(Actor actor, Instant now) {
        requireRequester(actor.username());
        moveTo(RoleRequestStatus.WITHDRAWN, "withdraw", now);
        registerEvent(new RoleRequestWithdrawn(ref(), actor.username(), now));
    }

    /** Plan-only: records the IAM calls apply would make; the request stays APPROVED. */
    void recordPlan(List<ApplyStepRecord> plan, List<String> parametersJson, Instant now) {
        if (status != RoleRequestStatus.APPROVED || !applySteps.isEmpty()) {
            throw new IllegalTransitionException(status, "record a plan for");
        }
        planOnly = true;
        for (int i = 0; i < plan.size(); i++) {
            addStep(plan.get(i), parametersJson.get(i), now);
        }
        updatedAt = now;
        registerEvent(new RolePlanRecorded(ref(), SYSTEM_ACTOR, now, plan.size()));
    }

    /**
     * A person asks to retry a failed apply: FAILED → APPLYING. Provisioning resumes from the
     * failed step; calls that succeeded are not made again.
     *
     * @throws ActionNotAllowedException for anyone but the requester, reviewers and admins
     * @throws IllegalTransitionException if the request has not failed
     */
    void retry(Actor actor, Instant now) {
        if (!mayRetryAnyFailure(requester, actor)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.CANNOT_RETRY);
        }
        if (status != RoleRequestStatus.FAILED) {
            throw new IllegalTransitionException(status, "retry");
        }
        moveTo(RoleRequestStatus.APPLYING, "retry", now);
        failureCode = null;
        failureMessage = null;
        registerEvent(new RoleApplyStarted(ref(), actor.username(), now, true));
    }

    /**
     * A person asks to remove what a failed apply created: FAILED → ROLLING_BACK. Provisioning
     * undoes the succeeded calls in reverse order, as its own job.
     *
     * @throws ActionNotAllowedException for anyone but the requester, reviewers and admins
     * @throws IllegalTransitionException unless the request failed after creating something
     */
    void rollBack(Actor actor, Instant now) {
        if (!mayRetryAnyFailure(requester, actor)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.CANNOT_ROLL_BACK);
        }
        if (status != RoleRequestStatus.FAILED || !createdSomething() || kind != RequestKind.CREATE) {
            throw new IllegalTransitionException(status, "roll back");
        }
        moveTo(RoleRequestStatus.ROLLING_BACK, "roll back", now);
        failureCode = null;
        failureMessage = null;
        registerEvent(new RoleRollbackStarted(ref(), actor.username(), now));
    }

    /** Whether an apply call of this request succeeded: something may exist in AWS to roll back. */
    private boolean createdSomething() {
        return applySteps.stream().anyMatch(ApplyStep::succeeded);
    }

    /** The rollback removed everything: ROLLING_BACK → ROLLED_BACK. */
    void markRolledBack(Instant now) {
        moveTo(RoleRequestStatus.ROLLED_BACK, "mark rolled back", now);
        roleArn = null;
        registerEvent(new RoleRolledBack(ref(), SYSTEM_ACTOR, now, calls()));
    }

    /** A rollback call failed: ROLLING_BACK → FAILED, with the AWS error; it may be rolled back again. */
    void markRollbackFailed(String errorCode, String errorMessage, Instant now) {
        moveTo(RoleRequestStatus.FAILED, "mark rollback failed", now);
        failureCode = errorCode;
        failureMessage = errorMessage;
        registerEvent(new RoleRollbackFailed(ref(), SYSTEM_ACTOR, now, errorCode, errorMessage, calls()));
    }

    /** The IAM calls that succeeded so far, in order. */
    List<ApplyStepRecord> succeededSteps() {
        return applySteps.stream()
                .filter(ApplyStep::succeeded)
                .map(ApplyStep::toRecord)
                .toList();
    }

    /** Apply begins, or resumes after a failure: APPROVED or FAILED → APPLYING. */
    void startApply(Instant now) {
        boolean retry = status == RoleRequestStatus.FAILED;
        moveTo(RoleRequestStatus.APPLYING, "apply", now);
        failureCode = null;
        failureMessage = null;
        registerEvent(new RoleApplyStarted(ref(), SYSTEM_ACTOR, now, retry));
    }

    /** Every call succeeded: APPLYING → APPLIED. */
    void markApplied(String arn, Instant now) {
        moveTo(RoleRequestStatus.APPLIED, "mark applied", now);
        roleArn = arn;
        registerEvent(new RoleApplied(ref(), SYSTEM_ACTOR, now, arn, calls(), kind));
    }

    /** A call failed permanently: APPLYING → FAILED, with the AWS error shown to the people involved. */
    void markFailed(String errorCode, String errorMessage, Instant now) {
        moveTo(RoleRequestStatus.FAILED, "mark failed", now);
        failureCode = errorCode;
        failureMessage = errorMessage;
        registerEvent(new RoleApplicationFailed(ref(), SYSTEM_ACTOR, now, errorCode, errorMessage, calls()));
    }

    /**
     * Every IAM call recorded for the request, apply and rollback alike, in order: the audit trail
     * names them with the outcome (an apply job records each call without loading the request).
     */
    private List<ApplyStepRecord> calls() {
        return applySteps.stream().map(ApplyStep::toRecord).toList();
    }

    private void addStep(ApplyStepRecord step, String parametersJson, Instant now) {
        int position = applySteps.size() + 1;
        applySteps.add(new ApplyStep(position, step, parametersJson, now));
        registerEvent(new RoleApplyStepRecorded(ref(), SYSTEM_ACTOR, now, position, step));
    }

    private void moveTo(RoleRequestStatus next, String action, Instant now) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(status, action);
        }
        status = next;
        updatedAt = now;
    }

    private void requireRequester(String actor) {
        if (!actor.equals(requester)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_THE_REQUESTER);
        }
    }

    /** What the actor may do with this request now; see {@link RequestActions}. */
    RequestActions actionsFor(Actor actor) {
        return RequestActions.of(requester, status, kind == RequestKind.CREATE && createdSomething(), actor);
    }

    /**
     * The role changed in AWS since the approved plan was computed: the request goes back to review
     * (APPROVED or APPLYING → SUBMITTED) as a new revision that Rolecall files, with the same spec and
     * justification and the plan computed again against the live role. Approvals of the earlier
     * revision no longer count.
     */
    void replan(ChangePlan plan, Instant now) {
        moveTo(RoleRequestStatus.SUBMITTED, "plan again", now);
        revision++;
        if (kind == RequestKind.IMPORT) {
            // What an IMPORT records is the live role itself: the new revision is the role as read now.
            spec = plan.baseline();
        }
        revisions.add(new Revision(revision, spec, justification, SYSTEM_ACTOR, now, plan));
        registerEvent(new RolePlanRenewed(
                ref(), SYSTEM_ACTOR, now, revision, plan.calls().size()));
    }

    RequestKind kind() {
        return kind;
    }

    /** The plan of the current revision against the live role, for CHANGE and DELETE requests. */
    @Nullable
    ChangePlan changePlan() {
        return revisions.stream()
                .filter(r -> r.revision() == revision)
                .map(Revision::changePlan)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    // The rules below take the request's requester and status rather than the aggregate, so that a
    // RoleRequestView, read earlier in the same request, asks the same rules what its reader may do.

    /** The requester and reviewers take part in a request's review: they may comment on it. */
    static boolean takesPart(String requester, Actor actor) {
        return actor.filed(requester) || actor.reviewer();
    }

    /** A reviewer who did not file the request decides on it while it awaits a decision. */
    static boolean mayDecide(String requester, RoleRequestStatus status, Actor actor) {
        return !actor.filed(requester) && actor.reviewer() && status.awaitsDecision();
    }

    /** The requester and reviewers comment while review goes on or waits for a revision. */
    static boolean mayComment(String requester, RoleRequestStatus status, Actor actor) {
        return takesPart(requester, actor) && status.acceptsComments();
    }

    /** The requester, reviewers and admins retry a failed apply. */
    static boolean mayRetry(String requester, RoleRequestStatus status, Actor actor) {
        return status == RoleRequestStatus.FAILED && mayRetryAnyFailure(requester, actor);
    }

    /** The requester, reviewers and admins roll back a failed apply that created something. */
    static boolean mayRollBack(String requester, RoleRequestStatus status, boolean createdSomething, Actor actor) {
        return status == RoleRequestStatus.FAILED && createdSomething && mayRetryAnyFailure(requester, actor);
    }

    private static boolean mayRetryAnyFailure(String requester, Actor actor) {
        return actor.filed(requester) || actor.reviewer() || actor.admin();
    }

    /** The requester files a new revision while the request is revisable. */
    static boolean mayRevise(String requester, RoleRequestStatus status, Actor actor) {
        return actor.filed(requester) && status.isRevisable();
    }

    /** The requester withdraws the request while it is open. */
    static boolean mayWithdraw(String requester, RoleRequestStatus status, Actor actor) {
        return actor.filed(requester) && status.isOpen();
    }

    /** Requesters see their own requests; reviewers, auditors and admins see all. */
    boolean isVisibleTo(Actor actor) {
        return actor.readsAll() || actor.filed(requester);
    }

    /** The events registered and not yet published. */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    RoleRequestRef ref() {
        return new RoleRequestRef(id(), accountId, roleName);
    }

    RoleRequestId id() {
        return new RoleRequestId(id);
    }

    RoleRequestStatus status() {
        return status;
    }

    RoleSpec spec() {
        return spec;
    }

    String requester() {
        return requester;
    }

    int revision() {
        return revision;
    }

    long version() {
        return version;
    }

    /** The spec of an earlier submitted revision, if there is one. */
    Optional<RoleSpec> specOfRevision(int number) {
        return revisions.stream()
                .filter(r -> r.revision() == number)
                .map(Revision::spec)
                .findFirst();
    }

    /** Every submitted revision, oldest first. */
    List<RevisionView> revisions() {
        return revisions.stream().map(Revision::toView).toList();
    }

    RoleRequestView toView() {
        return new RoleRequestView(
                id(),
                status,
                requester,
                requesterTeam,
                revision,
                spec,
                justification,
                decisions.stream().map(Decision::toView).toList(),
                roleArn,
                applySteps.stream().map(ApplyStep::toView).toList(),
                planOnly,
                failureCode,
                failureMessage,
                riskLevel,
                topFindingCode,
                riskReason,
                createdAt,
                updatedAt,
                version,
                kind,
                changePlan(),
                emergency());
    }

    /** The emergency this request was filed as, or null for an ordinary request. */
    @Nullable
    Emergency emergency() {
        return emergencyReason == null ? null : new Emergency(emergencyReason, emergencyReview);
    }

    RoleRequestSummary toSummary() {
        return new RoleRequestSummary(
                id(),
                status,
                requester,
                requesterTeam,
                accountId,
                roleName,
                revision,
                riskLevel,
                topFindingCode,
                riskReason,
                createdAt,
                updatedAt,
                emergencyReason);
    }
}
