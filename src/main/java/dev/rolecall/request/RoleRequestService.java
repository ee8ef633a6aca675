package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.problems.StaleRequestException;
import dev.rolecall.request.review.ReviewProgress;
import dev.rolecall.request.review.WaitingStage;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.RoleRequestCheck;
import dev.rolecall.request.spec.RoleSpecConverter;
import dev.rolecall.request.spec.RoleSpecValidator;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.routing.ReviewerGroups;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The request module's façade: file, read, decide on and withdraw role requests. Every method
 * checks, per request, that the caller may do what they ask.
 */
@Service
@Transactional
public class RoleRequestService {

    private final RoleRequestRepository requests;
    private final RoleRequestListing listing;
    private final RoleSpecValidator validator;
    private final RoleAnalysis analysis;
    private final StoredAnalyses storedAnalyses;
    private final LivePlans livePlans;
    private final RequestRouting routing;
    private final ReviewerGroups groups;
    private final EmergencyFiling emergencies;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RoleRequestService(
            RoleRequestRepository requests,
            RoleRequestListing listing,
            RoleSpecValidator validator,
            RoleAnalysis analysis,
            StoredAnalyses storedAnalyses,
            LivePlans livePlans,
            RequestRouting routing,
            ReviewerGroups groups,
            EmergencyFiling emergencies,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.listing = listing;
        this.validator = validator;
        this.analysis = analysis;
        this.storedAnalyses = storedAnalyses;
        this.livePlans = livePlans;
        this.routing = routing;
        this.groups = groups;
        this.emergencies = emergencies;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Validates, files and routes a request: it ends IN_REVIEW.
     *
     * @throws RoleSpecInvalidException with one problem per invalid field; nothing is saved
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public RoleRequestView submit(SubmitRoleRequest command, CurrentUser requester) {
        return submit(command, List.of(), requester);
    }

    /**
     * As {@link #submit(SubmitRoleRequest, CurrentUser)}, for input that already had problems
     * before it became a command (unparsable JSON, missing fields): those are reported together
     * with every other field's problems, and nothing is saved. An emergency (break-glass) request,
     * from a person allowed to file one, skips its route: approved at once, it ends APPROVED and is
     * applied, and its review after the fact waits.
     *
     * <p>The live role is read and planned before any database transaction opens: a slow AWS read
     * holds no connection. The request is then stored in a transaction of its own (or in the
     * caller's, when the caller holds one).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public RoleRequestView submit(SubmitRoleRequest command, List<FieldProblem> givenProblems, CurrentUser requester) {
        List<FieldProblem> inputProblems = emergencies.check(command, givenProblems, requester);
        if (command.kind() != RequestKind.CREATE && command.kind() != RequestKind.CHANGE && command.emergency()) {
            // A delete or an import names only its role: the emergency's problems are the ones to report.
            throw new RoleSpecInvalidException(emergencies.check(command, List.of(), requester));
        }
        if (command.kind() == RequestKind.DELETE || command.kind() == RequestKind.IMPORT) {
            return submitAgainstLive(command, inputProblems, requester);
        }
        PolicyAnalysis assessment = requireValid(command, inputProblems);
        ChangePlan plan = livePlans.plan(command.kind(), command.spec());
        if (plan != null) {
            LivePlans.requireMayChange(plan.baseline(), requester);
        }
        return inTransaction(() -> fileNew(command, plan, assessment, requester));
    }

    private RoleRequestView fileNew(
            SubmitRoleRequest command, @Nullable ChangePlan plan, PolicyAnalysis assessment, CurrentUser requester) {
        RoleRequest request = RoleRequest.draft(
                command.kind(),
                requester.username(),
                requester.team(),
                command.spec(),
                command.justification(),
                clock.instant());
        request.assess(assessment);
        request.submit(requester.username(), plan, clock.instant());
        request.startReview(clock.instant());
        emergencies.route(request, command, () -> routing.routeOf(request.toView(), assessment), clock.instant());
        return filed(requests.saveAndFlush(request).toView(), command, assessment);
    }

    /**
     * Files an IMPORT request, for an admin adopting a role that exists in AWS: its revision 1 is the
     * role as read now, and approving it records the role as IMPORTED without changing AWS (except
     * the {@code managed-by=rolecall} tag where the account allows it).
     *
     * @throws ActionNotAllowedException unless the requester is an admin
     * @throws RoleSpecInvalidException when the role cannot be adopted, on the field that says why
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public RoleRequestView fileImport(String accountId, String roleName, String justification, CurrentUser admin) {
        RoleSpec nameOnly = new RoleSpec(
                accountId,
                roleName,
                "/",
                null,
                RoleSpecConverter.JSON.createObjectNode(),
                List.of(),
                Map.of(),
                null,
                RoleSpec.DEFAULT_SESSION_SECONDS,
                Map.of(),
                null);
        return submit(new SubmitRoleRequest(nameOnly, justification, Map.of(), RequestKind.IMPORT), admin);
    }

    /**
     * The role as it is in AWS now, for a form that asks to change or delete it: only roles Rolecall
     * manages, and only for the role's team, reviewers, auditors and admins.
     *
     * @throws RoleSpecInvalidException when the role cannot be changed through Rolecall, or not by
     *     this person, on the field that says why
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public RoleSpec liveRoleToChange(String accountId, String roleName, CurrentUser user) {
        return livePlans.liveRole(accountId, roleName, user);
    }

    /**
     * A DELETE or an IMPORT names only the account, the role and why; its spec becomes the live role
     * it deletes or adopts, analysed so reviewers see the access that disappears or that Rolecall
     * takes over. Only admins adopt roles.
     */
    private RoleRequestView submitAgainstLive(
            SubmitRoleRequest command, List<FieldProblem> inputProblems, CurrentUser requester) {
        if (command.kind() == RequestKind.IMPORT && !requester.has(Role.ADMIN)) {
            throw new ActionNotAllowedException(ActionNotAllowedException.Reason.ADMINS_ONLY);
        }
        requireDeleteFields(command, inputProblems);
        ChangePlan plan = Objects.requireNonNull(livePlans.plan(command.kind(), command.spec()));
        LivePlans.requireMayChange(plan.baseline(), requester);
        PolicyAnalysis disappearing = analysis.analyse(plan.baseline());
        return inTransaction(() -> fileDelete(command, plan, disappearing, requester));
    }

    private RoleRequestView fileDelete(
            SubmitRoleRequest command, ChangePlan plan, PolicyAnalysis disappearing, CurrentUser requester) {
        if (command.kind() == RequestKind.IMPORT) {
            requireNoOpenImport(command.spec());
        }
        RoleRequest request = RoleRequest.draft(
                command.kind(),
                requester.username(),
                requester.team(),
                plan.baseline(),
                command.justification(),
                clock.instant());
        request.assess(disappearing);
        request.submit(requester.username(), plan, clock.instant());
        request.startReview(clock.instant());
        request.route(routing.routeOf(request.toView(), disappearing), clock.instant());
        RoleRequestView filed = requests.saveAndFlush(request).toView();
        storedAnalyses.filed(filed.id(), filed.revision(), disappearing);
        return filed;
    }

    /**
     * Files a new revision of a request that is in review or waiting for changes, as its requester:
     * it is validated and analysed like a new request, and review starts again (IN_REVIEW).
     * Decisions on earlier revisions no longer count. A reviewer the waiting stage admits may file one
     * too while the request is in review: a reviewer edit, which they cannot approve alone.
     *
     * @param expectedVersion the version the requester read, or {@code null} to skip that check
     * @throws RoleRequestNotFoundException for unknown ids and requests the caller may not see
     * @throws StaleRequestException if the request changed since the requester read it
     * @throws ActionNotAllowedException if the caller did not file the request
     * @throws IllegalTransitionException if the request can no longer be revised
     * @throws RoleSpecInvalidException with one problem per invalid field (a revision also keeps
     *     the account and role name); nothing is saved
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public RoleRequestView revise(
            RoleRequestId id,
            @Nullable Long expectedVersion,
            SubmitRoleRequest command,
            List<FieldProblem> inputProblems,
            CurrentUser requester) {
        Set<String> memberOf = groups.groupsOf(requester.username());
        RoleRequestView request = inTransaction(() -> {
            RoleRequest current = load(id, requester, expectedVersion);
            current.requireRevisableBy(Actor.of(requester), memberOf);
            return current.toView();
        });
        List<FieldProblem> kept = new ArrayList<>(inputProblems);
        if (command.emergency()) {
            kept.add(new FieldProblem("emergency", "a revision is never an emergency: file a new request"));
        }
        if (!command.spec().accountId().equals(request.spec().accountId())) {
            kept.add(new FieldProblem("accountId", "A revision keeps the account: file a new request for another one"));
        }
        if (!command.spec().roleName().equals(request.spec().roleName())) {
            kept.add(
                    new FieldProblem("roleName", "A revision keeps the role name: file a new request for another one"));
        }
        boolean liveSpec = request.kind() == RequestKind.DELETE || request.kind() == RequestKind.IMPORT;
        RoleSpec spec = liveSpec ? request.spec() : command.spec();
        SubmitRoleRequest revised =
                new SubmitRoleRequest(spec, command.justification(), command.documentTexts(), request.kind());
        PolicyAnalysis assessment = liveSpec ? requireValidDelete(revised, kept) : requireValid(revised, kept);
        // Read and planned outside any transaction; stored only if nobody changed the request meanwhile.
        ChangePlan plan = livePlans.plan(request.kind(), spec);
        RoleSpec revisedSpec = plan != null && liveSpec ? plan.baseline() : spec;
        return inTransaction(() -> {
            RoleRequest current = load(id, requester, request.version());
            current.revise(Actor.of(requester), memberOf, revisedSpec, command.justification(), plan, clock.instant());
            current.assess(assessment);
            current.startReview(clock.instant());
            current.route(routing.routeOf(current.toView(), assessment), clock.instant());
            return filed(requests.saveAndFlush(current).toView(), command, assessment);
        });
    }

    /** Runs the storing half of a submission or revision in a transaction of its own. */
    private <T> T inTransaction(Supplier<T> work) {
        return Objects.requireNonNull(transactions.execute(status -> work.get()));
    }

    /**
     * Stores the analysis of a revision just filed, as its request page shows it: located in the
     * stored documents, so analysed again when the person's own text was what the assessment read.
     */
    private RoleRequestView filed(RoleRequestView filed, SubmitRoleRequest command, PolicyAnalysis assessment) {
        PolicyAnalysis stored = command.documentTexts().isEmpty() ? assessment : analysis.analyse(filed.spec());
        storedAnalyses.filed(filed.id(), filed.revision(), stored);
        return filed;
    }

    /** As {@link #revise(RoleRequestId, Long, SubmitRoleRequest, List, CurrentUser)}, for a ready command. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public RoleRequestView revise(
            RoleRequestId id, @Nullable Long expectedVersion, SubmitRoleRequest command, CurrentUser requester) {
        return revise(id, expectedVersion, command, List.of(), requester);
    }

    /**
     * Reads a request that its requester is about to revise, so that the form starts from the
     * current revision; the same checks as {@link #revise} decide whether they may.
     *
     * @throws RoleRequestNotFoundException for unknown ids and requests the caller may not see
     * @throws ActionNotAllowedException if the caller did not file the request
     * @throws IllegalTransitionException if the request can no longer be revised
     */
    @Transactional(readOnly = true)
    public RoleRequestView getForRevision(RoleRequestId id, CurrentUser requester) {
        RoleRequest request = load(id, requester, null);
        request.requireRevisableBy(Actor.of(requester), groups.groupsOf(requester.username()));
        return request.toView();
    }

    /**
     * Every submitted revision of a request, oldest first, for the people who may read it.
     *
     * @throws RoleRequestNotFoundException for unknown ids and requests the caller may not see
     */
    @Transactional(readOnly = true)
    public List<RevisionView> revisions(RoleRequestId id, CurrentUser reader) {
        return load(id, reader, null).revisions();
    }

    /**
     * Checks a spec without saving anything: the field problems a person would see on submit, and
     * the policy analysis reviewers would see.
     */
    @Transactional(readOnly = true)
    public RoleRequestCheck check(SubmitRoleRequest command, List<FieldProblem> inputProblems) {
        List<FieldProblem> problems = merge(inputProblems, validator.validate(command.spec(), command.justification()));
        PolicyAnalysis result = analysis.analyse(command.spec(), command.documentTexts());
        if (problems.isEmpty()) {
            problems = analysis.blockingProblems(result, command.spec());
        }
        return new RoleRequestCheck(problems, result);
    }

    /**
     * The spec of a submitted revision of a request, for the people who may read it; empty when
     * the request has no such revision.
     */
    @Transactional(readOnly = true)
    public Optional<RoleSpec> revisionSpec(RoleRequestId id, int revision, CurrentUser reader) {
        return load(id, reader, null).specOfRevision(revision);
    }

    /**
     * The policy analysis of a request already read with {@link #get}: the one stored for its
     * current revision when it was filed (analysed again only when the reference data changed
     * since), so a page neither reads the request twice nor analyses on every view.
     */
    // No transaction of its own: one read, and at most one upsert, each atomic alone.
    @Transactional(propagation = Propagation.SUPPORTS)
    public PolicyAnalysis analysis(RoleRequestView request) {
        return storedAnalyses.of(request.id(), request.revision(), request.spec());
    }

    /**
     * The policy analysis of any role spec, as a request's would be: for roles read from AWS or
     * recorded in the inventory. Pure computation.
     */
    public PolicyAnalysis analyse(RoleSpec spec) {
        return analysis.analyse(spec);
    }

    /**
     * Reads one request.
     *
     * @throws RoleRequestNotFoundException for unknown ids and requests the caller may not see
     */
    // One snapshot for the request row and its lazily read steps and decisions: an apply job
    // committing between those reads must not show steps without the state they belong to.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public RoleRequestView get(RoleRequestId id, CurrentUser reader) {
        return load(id, reader, null).toView();
    }

    /**
     * A request with what its page shows beside it for this reader: the route of its current
     * revision and whether the reader may close its emergency review, from one read of the request.
     *
     * @throws RoleRequestNotFoundException for unknown ids and requests the caller may not see
     */
    // One snapshot, as for get: the route and the rights must belong to the state the page shows.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public RequestPage page(RoleRequestId id, CurrentUser reader) {
        RoleRequest request = load(id, reader, null);
        Set<String> memberOf = groups.groupsOf(reader.username());
        Optional<ReviewProgress> route =
                request.routed() ? Optional.of(request.progress(reader.username(), memberOf)) : Optional.empty();
        return new RequestPage(request.toView(), route, request.mayReviewEmergency(Actor.of(reader), memberOf));
    }

    /**
     * One page of the requests the reader may see, newest first, optionally of one status: the
     * first page, or the page older or newer than a position that an earlier page handed out.
     * Not counted: the list may be most of the table.
     *
     * @param older list the requests older than this position, or {@code null}
     * @param newer list the requests newer than this position, or {@code null}
     */
    @Transactional(readOnly = true)
    public RoleRequestSlice list(
            CurrentUser reader,
            @Nullable RoleRequestStatus status,
            RoleRequestSlice.@Nullable Key older,
            RoleRequestSlice.@Nullable Key newer,
            int size) {
        String requester = reader.canReadAllRequests() ? null : reader.username();
        return listing.slice(new RoleRequestListing.Scope(requester, null, status), true, older, newer, size, false);
    }

    /**
     * A request as its page shows it to one reader, all read from one snapshot.
     *
     * @param request the request
     * @param route the route of its current revision as the reader sees it; empty for a request filed
     *     before routing, which any reviewer decides on alone
     * @param mayReviewEmergency whether the reader may close the review after the fact of this
     *     emergency request now (always false for an ordinary request)
     */
    public record RequestPage(RoleRequestView request, Optional<ReviewProgress> route, boolean mayReviewEmergency) {}

    /** The inbox's tabs. */
    public enum InboxTab {
        /** In review, waiting on a stage that names one of the reviewer's groups. */
        MY_GROUPS,
        /** Everything in review. */
        ALL_OPEN,
        /** Every request the reviewer approved, rejected or asked changes of, whatever its state. */
        DECIDED_BY_ME
    }

    /** The stage each request of a page waits on now, for the requests in review that have a route. */
    @Transactional(readOnly = true)
    public Map<RoleRequestId, WaitingStage> waitingStages(RoleRequestSlice page) {
        Map<RoleRequestId, WaitingStage> waiting = new HashMap<>();
        listing.waitingStages(
                        page.items().stream().map(item -> item.id().value()).toList())
                .forEach((id, stage) -> waiting.put(new RoleRequestId(id), stage));
        return waiting;
    }

    /**
     * Records a reviewer's decision, or a {@link DecisionType#COMMENT} by a reviewer or the requester
     * that decides nothing.
     *
     * @param expectedVersion the version the reviewer read, or {@code null} to skip that check
     * @throws ActionNotAllowedException for the requester themselves and for non-reviewers (a comment:
     *     for anyone but the requester and reviewers)
     * @throws IllegalTransitionException if the request is not awaiting a decision
     * @throws CommentRequiredException if the decision needs a comment and has none; nothing changes
     * @throws StaleRequestException if the request changed since the reviewer read it
     */
    public RoleRequestView decide(
            RoleRequestId id,
            @Nullable Long expectedVersion,
            DecisionType decision,
            @Nullable String comment,
            CurrentUser reviewer) {
        RoleRequest request = load(id, reviewer, expectedVersion);
        String trimmed = comment == null || comment.isBlank() ? null : comment.strip();
        request.decide(Actor.of(reviewer), groups.groupsOf(reviewer.username()), decision, trimmed, clock.instant());
        return requests.saveAndFlush(request).toView();
    }

    /**
     * Retries a failed apply from the failed step: for the requester, reviewers and admins.
     *
     * @throws ActionNotAllowedException for anyone else
     * @throws IllegalTransitionException if the request has not failed
     */
    public RoleRequestView retry(RoleRequestId id, @Nullable Long expectedVersion, CurrentUser user) {
        RoleRequest request = load(id, user, expectedVersion);
        request.retry(Actor.of(user), clock.instant());
        return requests.saveAndFlush(request).toView();
    }

    /**
     * Rolls back a failed apply: removes what it created from AWS, as a job of its own. For the
     * requester, reviewers and admins.
     *
     * @throws ActionNotAllowedException for anyone else
     * @throws IllegalTransitionException unless the request failed after creating something
     */
    public RoleRequestView rollBack(RoleRequestId id, @Nullable Long expectedVersion, CurrentUser user) {
        RoleRequest request = load(id, user, expectedVersion);
        request.rollBack(Actor.of(user), clock.instant());
        return requests.saveAndFlush(request).toView();
    }

    /**
     * Closes the review after the fact of an emergency request: {@code confirm} keeps what was
     * applied; otherwise it is revoked (a comment saying why is required) and the reviewer files
     * the request that undoes it next.
     *
     * <p>The review is about the decision to break the glass, not about the apply: it may close while
     * the apply job still runs, and the apply ends as it would have. So no version read earlier is
     * checked (the apply job's status changes move the version, never what was filed, which an
     * emergency never revises), and a transaction that lost its race with one of those status changes
     * runs again on the request as it is now, each time in a transaction of its own.
     *
     * @throws ActionNotAllowedException for the filer, and anyone the review stage does not admit
     * @throws NoEmergencyReviewException if the request is no emergency or its review is closed
     * @throws CommentRequiredException for a revocation without a comment; nothing changes
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public RoleRequestView reviewEmergency(
            RoleRequestId id, boolean confirm, @Nullable String comment, CurrentUser reviewer) {
        String trimmed = comment == null || comment.isBlank() ? null : comment.strip();
        Set<String> memberOf = groups.groupsOf(reviewer.username());
        return OptimisticRetry.run(
                "request=" + id + " emergency-review",
                () -> inTransaction(() -> {
                    RoleRequest request = load(id, reviewer, null);
                    request.reviewEmergency(Actor.of(reviewer), memberOf, confirm, trimmed, clock.instant());
                    return requests.saveAndFlush(request).toView();
                }));
    }

    /** The requester takes an open request back. */
    public RoleRequestView withdraw(RoleRequestId id, @Nullable Long expectedVersion, CurrentUser requester) {
        RoleRequest request = load(id, requester, expectedVersion);
        request.withdraw(Actor.of(requester), clock.instant());
        return requests.saveAndFlush(request).toView();
    }

    /** A DELETE's own fields only; the role it deletes is analysed, never blocked. */
    private PolicyAnalysis requireValidDelete(SubmitRoleRequest command, List<FieldProblem> inputProblems) {
        requireDeleteFields(command, inputProblems);
        return analysis.analyse(command.spec());
    }

    /** A role is adopted once: a second IMPORT while one is open would record it twice. */
    private void requireNoOpenImport(RoleSpec spec) {
        List<UUID> open = requests.findOpenImports(
                spec.accountId(),
                spec.roleName(),
                EnumSet.of(
                        RoleRequestStatus.SUBMITTED,
                        RoleRequestStatus.IN_REVIEW,
                        RoleRequestStatus.CHANGES_REQUESTED,
                        RoleRequestStatus.APPROVED,
                        RoleRequestStatus.APPLYING));
        if (!open.isEmpty()) {
            throw new RoleSpecInvalidException(List.of(new FieldProblem(
                    "roleName", "This role is already being adopted: see request " + open.get(0) + ".")));
        }
    }

    private void requireDeleteFields(SubmitRoleRequest command, List<FieldProblem> inputProblems) {
        List<FieldProblem> problems = LivePlans.deleteProblems(
                merge(inputProblems, validator.validate(command.spec(), command.justification())));
        if (!problems.isEmpty()) {
            throw new RoleSpecInvalidException(problems);
        }
    }

    /** Validates, then analyses; format problems and blocking findings both stop the request. */
    private PolicyAnalysis requireValid(SubmitRoleRequest command, List<FieldProblem> inputProblems) {
        List<FieldProblem> problems = merge(inputProblems, validator.validate(command.spec(), command.justification()));
        if (!problems.isEmpty()) {
            throw new RoleSpecInvalidException(problems);
        }
        PolicyAnalysis result = analysis.analyse(command.spec(), command.documentTexts());
        List<FieldProblem> blocking = analysis.blockingProblems(result, command.spec());
        if (!blocking.isEmpty()) {
            throw new RoleSpecInvalidException(blocking);
        }
        return result;
    }

    /** Problems found before validation win over validation's problems on the same field. */
    private static List<FieldProblem> merge(List<FieldProblem> first, List<FieldProblem> then) {
        Set<String> reported = new HashSet<>();
        first.forEach(problem -> reported.add(problem.field()));
        List<FieldProblem> problems = new ArrayList<>(first);
        then.stream().filter(problem -> !reported.contains(problem.field())).forEach(problems::add);
        return problems;
    }

    private RoleRequest load(RoleRequestId id, CurrentUser reader, @Nullable Long expectedVersion) {
        RoleRequest request = requests.findById(id.value())
                .filter(found -> found.isVisibleTo(Actor.of(reader)))
                .orElseThrow(() -> new RoleRequestNotFoundException(id));
        if (expectedVersion != null && expectedVersion != request.version()) {
            throw new StaleRequestException();
        }
        return request;
    }
}
