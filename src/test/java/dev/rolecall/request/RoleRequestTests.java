package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.events.RoleApplied;
import dev.rolecall.request.events.RoleApplyStarted;
import dev.rolecall.request.events.RoleApplyStepRecorded;
import dev.rolecall.request.events.RolePlanRecorded;
import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRequestChangesRequested;
import dev.rolecall.request.events.RoleRequestCommented;
import dev.rolecall.request.events.RoleRequestDecisionRecorded;
import dev.rolecall.request.events.RoleRequestRejected;
import dev.rolecall.request.events.RoleRequestReviewStarted;
import dev.rolecall.request.events.RoleRequestSubmitted;
import dev.rolecall.request.events.RoleRequestWithdrawn;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.ActionNotAllowedException.Reason;
import dev.rolecall.request.problems.CommentRequiredException;
import dev.rolecall.request.problems.IllegalTransitionException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleRequestTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static Actor reviewer(String username) {
        return new Actor(username, true, false, true);
    }

    private static Actor person(String username) {
        return new Actor(username, false, false, false);
    }

    private static RoleRequest draft() {
        return RoleRequest.draft("alice", "payments", RoleSpecs.valid(), "CI deploys", NOW);
    }

    private static RoleRequest inReview() {
        RoleRequest request = draft();
        request.submit("alice", NOW);
        request.startReview(NOW);
        return request;
    }

    private static RoleRequest approved() {
        RoleRequest request = inReview();
        request.decide(reviewer("bob"), DecisionType.APPROVE, "ok", NOW);
        return request;
    }

    private static RoleRequest applying() {
        RoleRequest request = approved();
        request.startApply(NOW);
        return request;
    }

    private static RoleSpec withTags(Map<String, String> tags) {
        RoleSpec spec = RoleSpecs.valid();
        return new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                spec.description(),
                spec.trustPolicy(),
                spec.managedPolicyArns(),
                spec.inlinePolicies(),
                spec.permissionsBoundaryArn(),
                spec.maxSessionDurationSeconds(),
                tags,
                spec.expiresAt());
    }

    private static List<Class<?>> events(RoleRequest request) {
        return request.pendingEvents().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void submittingMovesADraftIntoReview() {
        RoleRequest request = inReview();
        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(events(request)).containsExactly(RoleRequestSubmitted.class, RoleRequestReviewStarted.class);
    }

    @Test
    void onlyTheRequesterSubmitsWithdrawsOrRevises() {
        assertThatThrownBy(() -> draft().submit("bob", NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_THE_REQUESTER));
        assertThatThrownBy(() -> inReview().withdraw(person("bob"), NOW)).isInstanceOf(ActionNotAllowedException.class);
        RoleRequest changes = inReview();
        changes.decide(reviewer("bob"), DecisionType.REQUEST_CHANGES, "narrow it", NOW);
        assertThatThrownBy(() -> changes.revise(person("bob"), RoleSpecs.valid(), "x", NOW))
                .isInstanceOf(ActionNotAllowedException.class);
        assertThatThrownBy(() -> changes.requireRevisableBy(person("bob")))
                .isInstanceOf(ActionNotAllowedException.class);
        assertThat(changes.revision()).isEqualTo(1);
    }

    @Test
    void oneApprovalByAnotherReviewerApproves() {
        RoleRequest request = approved();
        assertThat(request.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(request.toView().decisions()).singleElement().satisfies(d -> {
            assertThat(d.reviewer()).isEqualTo("bob");
            assertThat(d.decision()).isEqualTo(DecisionType.APPROVE);
            assertThat(d.comment()).isEqualTo("ok");
        });
        assertThat(events(request)).endsWith(RoleRequestDecisionRecorded.class, RoleRequestApproved.class);
    }

    @Test
    void theRequesterNeverDecidesOnTheirOwnRequestEvenAsAReviewer() {
        RoleRequest request = inReview();
        assertThatThrownBy(() -> request.decide(reviewer("alice"), DecisionType.APPROVE, null, NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OWN_REQUEST));
        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(request.toView().decisions()).isEmpty();
    }

    @Test
    void onlyReviewersDecide() {
        RoleRequest request = inReview();
        assertThatThrownBy(() -> request.decide(person("frank"), DecisionType.APPROVE, null, NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_REVIEWER));
    }

    @Test
    void rejectAndRequestChangesEndTheReview() {
        RoleRequest rejected = inReview();
        rejected.decide(reviewer("bob"), DecisionType.REJECT, "too broad", NOW);
        assertThat(rejected.status()).isEqualTo(RoleRequestStatus.REJECTED);
        assertThat(events(rejected)).endsWith(RoleRequestRejected.class);

        RoleRequest changes = inReview();
        changes.decide(reviewer("erin"), DecisionType.REQUEST_CHANGES, "narrow the resource", NOW);
        assertThat(changes.status()).isEqualTo(RoleRequestStatus.CHANGES_REQUESTED);
        assertThat(events(changes)).endsWith(RoleRequestChangesRequested.class);
    }

    @Test
    void approvingAHighOrCriticalRequestNeedsACommentAndWithoutOneNothingChanges() {
        for (RiskLevel risk : List.of(RiskLevel.HIGH, RiskLevel.CRITICAL)) {
            RoleRequest request = inReview();
            request.assess(risk, "iam-passrole-star", null);
            int eventsBefore = request.pendingEvents().size();
            for (String missing : java.util.Arrays.asList(null, "", "  \n ")) {
                assertThatThrownBy(() -> request.decide(reviewer("bob"), DecisionType.APPROVE, missing, NOW))
                        .isInstanceOfSatisfying(CommentRequiredException.class, e -> {
                            assertThat(e.reason()).isEqualTo(CommentRequiredException.Reason.HIGH_RISK_APPROVAL);
                            assertThat(e.risk()).isEqualTo(risk);
                            assertThat(e.problem().field()).isEqualTo("comment");
                            assertThat(e.problem().message()).contains(risk.name());
                        });
            }
            assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
            assertThat(request.toView().decisions()).isEmpty();
            assertThat(request.pendingEvents()).hasSize(eventsBefore);

            request.decide(reviewer("bob"), DecisionType.APPROVE, "PassRole is scoped by the boundary", NOW);
            assertThat(request.status()).isEqualTo(RoleRequestStatus.APPROVED);
        }
    }

    @Test
    void approvingALowOrMediumRequestNeedsNoComment() {
        for (RiskLevel risk : List.of(RiskLevel.LOW, RiskLevel.MEDIUM)) {
            RoleRequest request = inReview();
            request.assess(risk, null, null);
            request.decide(reviewer("bob"), DecisionType.APPROVE, null, NOW);
            assertThat(request.status()).isEqualTo(RoleRequestStatus.APPROVED);
        }
    }

    @Test
    void rejectingOrRequestingChangesAlwaysNeedsAComment() {
        RoleRequest request = inReview();
        request.assess(RiskLevel.LOW, null, null);
        assertThatThrownBy(() -> request.decide(reviewer("bob"), DecisionType.REJECT, " ", NOW))
                .isInstanceOfSatisfying(
                        CommentRequiredException.class,
                        e -> assertThat(e.reason()).isEqualTo(CommentRequiredException.Reason.REJECT));
        assertThatThrownBy(() -> request.decide(reviewer("bob"), DecisionType.REQUEST_CHANGES, null, NOW))
                .isInstanceOfSatisfying(
                        CommentRequiredException.class,
                        e -> assertThat(e.reason()).isEqualTo(CommentRequiredException.Reason.REQUEST_CHANGES));
        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(request.toView().decisions()).isEmpty();
    }

    @Test
    void whoMayDecideAndWhetherTheRequestAwaitsADecisionAreCheckedBeforeTheComment() {
        RoleRequest request = inReview();
        request.assess(RiskLevel.CRITICAL, "iam-passrole-star", null);
        assertThatThrownBy(() -> request.decide(reviewer("alice"), DecisionType.APPROVE, null, NOW))
                .isInstanceOf(ActionNotAllowedException.class);
        assertThatThrownBy(() -> request.decide(person("frank"), DecisionType.REJECT, null, NOW))
                .isInstanceOf(ActionNotAllowedException.class);
        assertThatThrownBy(() -> approved().decide(reviewer("erin"), DecisionType.REJECT, null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void thePageAsksForAnApprovalCommentExactlyWhenTheAggregateRequiresOne() {
        for (RiskLevel risk : RiskLevel.values()) {
            RoleRequest request = inReview();
            request.assess(risk, null, null);
            boolean required;
            try {
                request.decide(reviewer("bob"), DecisionType.APPROVE, null, NOW);
                required = false;
            } catch (CommentRequiredException e) {
                required = true;
            }
            assertThat(request.toView().approvalNeedsComment()).as("%s", risk).isEqualTo(required);
        }
    }

    @Test
    void aCommentDecidesNothingAndNeverCountsAsAnApproval() {
        RoleRequest request = inReview();
        request.assess(RiskLevel.CRITICAL, "iam-passrole-star", null);
        int eventsBefore = request.pendingEvents().size();
        request.decide(reviewer("bob"), DecisionType.COMMENT, "Why PassRole on *?", NOW);
        request.decide(person("alice"), DecisionType.COMMENT, "The deploy role name changes per stage", NOW);

        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(request.toView().decisions())
                .extracting(RoleRequestView.DecisionView::reviewer, RoleRequestView.DecisionView::decision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bob", DecisionType.COMMENT),
                        org.assertj.core.groups.Tuple.tuple("alice", DecisionType.COMMENT));
        assertThat(events(request).subList(eventsBefore, events(request).size()))
                .containsExactly(RoleRequestCommented.class, RoleRequestCommented.class);
        assertThat(request.pendingEvents().get(eventsBefore))
                .isEqualTo(new RoleRequestCommented(request.ref(), "bob", NOW, 1, "Why PassRole on *?"));

        // The reviewer who commented still decides, and the comment was no approval.
        request.decide(reviewer("bob"), DecisionType.REQUEST_CHANGES, "Name the roles it passes", NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.CHANGES_REQUESTED);
    }

    @Test
    void whileTheRequesterRevisesBothSidesMayStillComment() {
        RoleRequest request = inReview();
        request.decide(reviewer("bob"), DecisionType.REQUEST_CHANGES, "narrow it", NOW);
        request.decide(person("alice"), DecisionType.COMMENT, "Narrowing to the deploy bucket", NOW);
        request.decide(reviewer("erin"), DecisionType.COMMENT, "Also shorten the session", NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.CHANGES_REQUESTED);
        assertThat(request.toView().decisions()).hasSize(3);
    }

    @Test
    void onlyTheRequesterAndReviewersCommentOnlyWhileTheRequestIsDiscussedAndNeverBlank() {
        RoleRequest request = inReview();
        assertThatThrownBy(() -> request.decide(person("carol"), DecisionType.COMMENT, "hello", NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CANNOT_COMMENT));
        assertThatThrownBy(() -> request.decide(person("alice"), DecisionType.COMMENT, " \t", NOW))
                .isInstanceOfSatisfying(
                        CommentRequiredException.class,
                        e -> assertThat(e.reason()).isEqualTo(CommentRequiredException.Reason.COMMENT));
        assertThatThrownBy(() -> approved().decide(person("alice"), DecisionType.COMMENT, "thanks", NOW))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.from()).isEqualTo(RoleRequestStatus.APPROVED));
        assertThatThrownBy(() -> draft().decide(reviewer("bob"), DecisionType.COMMENT, "early", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(request.toView().decisions()).isEmpty();
    }

    @Test
    void decidingTwiceOrAfterTheReviewEndedIsIllegal() {
        RoleRequest request = approved();
        assertThatThrownBy(() -> request.decide(reviewer("erin"), DecisionType.REJECT, "no", NOW))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.from()).isEqualTo(RoleRequestStatus.APPROVED));
        assertThatThrownBy(() -> draft().decide(reviewer("bob"), DecisionType.APPROVE, null, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aRevisionAfterRequestedChangesStartsANewReview() {
        RoleRequest request = inReview();
        request.decide(reviewer("bob"), DecisionType.REQUEST_CHANGES, "narrow it", NOW);
        request.revise(person("alice"), RoleSpecs.valid(), "narrowed", NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.SUBMITTED);
        assertThat(request.revision()).isEqualTo(2);
        assertThat(request.pendingEvents()).last().isInstanceOfSatisfying(RoleRequestSubmitted.class, submitted -> {
            assertThat(submitted.revision()).isEqualTo(2);
            assertThat(submitted.justification()).isEqualTo("narrowed");
        });
        request.startReview(NOW);
        request.decide(reviewer("bob"), DecisionType.APPROVE, null, NOW);
        assertThat(request.toView().decisions())
                .extracting(RoleRequestView.DecisionView::revision)
                .containsExactly(1, 2);
    }

    @Test
    void aRevisionWhileInReviewRestartsTheReview() {
        RoleRequest request = inReview();
        RoleSpec narrower = withTags(Map.of("team", "payments", "cost-center", "42"));
        request.revise(person("alice"), narrower, "adds the cost centre", NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.SUBMITTED);
        request.startReview(NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(request.spec()).isEqualTo(narrower);
        assertThat(request.revisions())
                .extracting(RevisionView::number, RevisionView::justification)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "CI deploys"),
                        org.assertj.core.groups.Tuple.tuple(2, "adds the cost centre"));
        assertThat(request.revisions().get(0).spec()).isEqualTo(RoleSpecs.valid());
    }

    @Test
    void decisionsOnAnEarlierRevisionNoLongerCount() {
        RoleRequest request = inReview();
        request.decide(reviewer("bob"), DecisionType.REQUEST_CHANGES, "narrow it", NOW);
        assertThat(request.toView().currentDecisions()).hasSize(1);
        request.revise(person("alice"), RoleSpecs.valid(), "narrowed", NOW);
        request.startReview(NOW);
        RoleRequestView view = request.toView();
        assertThat(view.decisions()).hasSize(1);
        assertThat(view.currentDecisions()).isEmpty();
        request.decide(reviewer("erin"), DecisionType.APPROVE, "ok", NOW);
        assertThat(request.toView().currentDecisions()).singleElement().satisfies(d -> {
            assertThat(d.reviewer()).isEqualTo("erin");
            assertThat(d.revision()).isEqualTo(2);
        });
    }

    @Test
    void aRevisionKeepsTheRoleAndAccount() {
        RoleRequest request = inReview();
        request.decide(reviewer("bob"), DecisionType.REQUEST_CHANGES, "narrow it", NOW);
        assertThatThrownBy(() -> request.revise(person("alice"), RoleSpecs.valid("other-name"), "x", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.CHANGES_REQUESTED);
        assertThat(request.revision()).isEqualTo(1);
        assertThat(request.keepsAccountAndRoleName(RoleSpecs.valid())).isTrue();
        assertThat(request.keepsAccountAndRoleName(RoleSpecs.valid("other-name")))
                .isFalse();
    }

    @Test
    void revisingIsOnlyForRequestsInReviewOrWithRequestedChanges() {
        RoleRequest draft = draft();
        RoleRequest rejected = inReview();
        rejected.decide(reviewer("bob"), DecisionType.REJECT, "no", NOW);
        RoleRequest withdrawn = inReview();
        withdrawn.withdraw(person("alice"), NOW);
        RoleRequest failed = applying();
        failed.markFailed("Throttling", "Rate exceeded", NOW);
        RoleRequest applied = applying();
        applied.markApplied("arn:aws:iam::111122223333:role/ci/ci-deployer", NOW);
        for (RoleRequest request : List.of(draft, approved(), applying(), applied, rejected, withdrawn, failed)) {
            RoleRequestStatus before = request.status();
            assertThatThrownBy(() -> request.revise(person("alice"), RoleSpecs.valid(), "x", NOW))
                    .as("revise when %s", before)
                    .isInstanceOfSatisfying(
                            IllegalTransitionException.class,
                            e -> assertThat(e.from()).isEqualTo(before));
            assertThat(request.status()).isEqualTo(before);
            assertThat(request.revision()).isEqualTo(1);
        }
    }

    @Test
    void theRequesterWithdrawsOnlyWhileTheRequestIsOpen() {
        RoleRequest request = inReview();
        request.withdraw(person("alice"), NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.WITHDRAWN);
        assertThat(events(request)).endsWith(RoleRequestWithdrawn.class);
        assertThatThrownBy(() -> approved().withdraw(person("alice"), NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> request.withdraw(person("alice"), NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void applyEndsAppliedWithTheRolesArn() {
        // Each call is recorded by ApplyStepLog (ApplyStepLogIntegrationTests), not by the aggregate.
        RoleRequest request = applying();
        request.markApplied("arn:aws:iam::111122223333:role/ci/ci-deployer", NOW);
        RoleRequestView view = request.toView();
        assertThat(view.status()).isEqualTo(RoleRequestStatus.APPLIED);
        assertThat(view.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/ci/ci-deployer");
        assertThat(events(request)).contains(RoleApplyStarted.class, RoleApplied.class);
    }

    @Test
    void aFailedApplyKeepsTheAwsErrorAndCanBeRetried() {
        RoleRequest request = applying();
        request.markFailed("EntityAlreadyExists", "Role with name ci-deployer already exists.", NOW);
        assertThat(request.toView().failureCode()).isEqualTo("EntityAlreadyExists");
        assertThat(request.status()).isEqualTo(RoleRequestStatus.FAILED);
        request.startApply(NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.APPLYING);
        assertThat(request.toView().failureCode()).isNull();
        assertThat(request.pendingEvents())
                .filteredOn(RoleApplyStarted.class::isInstance)
                .extracting(e -> ((RoleApplyStarted) e).retry())
                .containsExactly(false, true);
    }

    @Test
    void aPersonRetriesOnlyAFailedApply() {
        RoleRequest request = applying();
        request.markFailed("Throttling", "Rate exceeded", NOW);
        request.retry(person("alice"), NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.APPLYING);
        assertThat(request.toView().failureCode()).isNull();
        assertThat(request.pendingEvents()).last().isInstanceOfSatisfying(RoleApplyStarted.class, started -> {
            assertThat(started.retry()).isTrue();
            assertThat(started.actor()).isEqualTo("alice");
        });
        assertThatThrownBy(() -> request.retry(person("alice"), NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> approved().retry(person("alice"), NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void applyStartsAndEndsOnlyFromItsStates() {
        assertThatThrownBy(() -> inReview().startApply(NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> inReview().markApplied("arn", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> approved().markFailed("X", "y", NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void planOnlyRecordsThePlanOnceAndStaysApproved() {
        RoleRequest request = approved();
        ApplyStepRecord planned = new ApplyStepRecord("CreateRole", Map.of(), ApplyStepStatus.PLANNED, null, null);
        request.recordPlan(List.of(planned), List.of("{}"), NOW);
        RoleRequestView view = request.toView();
        assertThat(view.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(view.planOnly()).isTrue();
        assertThat(view.applySteps())
                .singleElement()
                .satisfies(step -> assertThat(step.status()).isEqualTo(ApplyStepStatus.PLANNED));
        assertThat(events(request)).endsWith(RoleApplyStepRecorded.class, RolePlanRecorded.class);
        assertThatThrownBy(() -> request.recordPlan(List.of(planned), List.of("{}"), NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> inReview().recordPlan(List.of(planned), List.of("{}"), NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void requestersSeeOnlyTheirOwnRequests() {
        RoleRequest request = draft();
        assertThat(request.isVisibleTo(person("alice"))).isTrue();
        assertThat(request.isVisibleTo(person("frank"))).isFalse();
        assertThat(request.isVisibleTo(new Actor("carol", false, false, true))).isTrue();
    }

    @Test
    void eachReaderIsOfferedWhatTheRulesAllow() {
        RoleRequest request = inReview();
        assertThat(request.actionsFor(person("alice")))
                .isEqualTo(new RequestActions(true, true, false, true, false, true, true, false));
        assertThat(request.actionsFor(reviewer("bob")))
                .isEqualTo(new RequestActions(false, true, true, true, false, false, false, false));
        assertThat(request.actionsFor(person("frank")))
                .isEqualTo(new RequestActions(false, false, false, false, false, false, false, false));
        assertThat(approved().actionsFor(reviewer("bob")).decide()).isFalse();
    }

    @Test
    void theRequesterReviewersAndAdminsRetryAFailedApply() {
        RoleRequest failed = applying();
        failed.markFailed("Throttling", "Rate exceeded", NOW);
        assertThat(failed.actionsFor(person("alice")).retry()).isTrue();
        assertThat(failed.actionsFor(reviewer("bob")).retry()).isTrue();
        assertThat(failed.actionsFor(new Actor("dave", false, true, true)).retry())
                .isTrue();
        assertThat(failed.actionsFor(person("frank")).retry()).isFalse();
        assertThatThrownBy(() -> failed.retry(person("frank"), NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CANNOT_RETRY));
        failed.retry(new Actor("dave", false, true, true), NOW);
        assertThat(failed.status()).isEqualTo(RoleRequestStatus.APPLYING);
    }
}
