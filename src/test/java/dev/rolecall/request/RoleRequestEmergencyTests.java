package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRequestEmergencyFiled;
import dev.rolecall.request.events.RoleRequestEmergencyReviewed;
import dev.rolecall.request.events.RoleRequestSlaPassed;
import dev.rolecall.request.events.RoleRequestStageOpened;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.CommentRequiredException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.NoEmergencyReviewException;
import dev.rolecall.request.review.Emergency;
import dev.rolecall.routing.RouteStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Break-glass in the aggregate: approved at once by the system, then reviewed after the fact. */
class RoleRequestEmergencyTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final RouteStage REVIEW = new RouteStage(List.of("security"), 1, Duration.ofHours(4), "security");
    private static final Set<String> SECURITY = Set.of("security");

    private static Actor reviewer(String username) {
        return new Actor(username, true, false, true);
    }

    private static RoleRequest filed(RouteStage review) {
        RoleRequest request = RoleRequest.draft("alice", "payments", RoleSpecs.valid(), "CI deploys", NOW);
        request.submit("alice", NOW);
        request.startReview(NOW);
        request.breakGlass("INC-1: payments down", review, NOW);
        return request;
    }

    @Test
    void anEmergencyIsApprovedAtOnceByTheBreakGlassRuleAndItsReviewOpens() {
        RoleRequest request = filed(REVIEW);

        RoleRequestView view = request.toView();
        assertThat(view.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(view.emergency()).isEqualTo(new Emergency("INC-1: payments down", null));
        assertThat(view.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.reviewer()).isEqualTo("rolecall");
            assertThat(decision.comment()).isEqualTo("Approved at once by break-glass: INC-1: payments down");
        });
        assertThat(request.pendingEvents())
                .hasAtLeastOneElementOfType(RoleRequestEmergencyFiled.class)
                .hasAtLeastOneElementOfType(RoleRequestApproved.class)
                .contains(new RoleRequestStageOpened(
                        request.ref(), 1, List.of("security"), 1, NOW.plus(Duration.ofHours(4)), true));
        assertThat(request.progress("bob", SECURITY).ruleName()).isEqualTo("break-glass");
        assertThat(request.toSummary().emergency()).isTrue();
    }

    @Test
    void aDeleteIsNeverAnEmergency() {
        RoleRequest request =
                RoleRequest.draft(RequestKind.DELETE, "alice", "payments", RoleSpecs.valid(), "gone", NOW);
        request.submit("alice", NOW);
        request.startReview(NOW);

        assertThatThrownBy(() -> request.breakGlass("INC-1", REVIEW, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aReviewerOfTheStageConfirmsItAfterTheFactOnce() {
        RoleRequest request = filed(REVIEW);
        request.startApply(NOW);
        request.markApplied("arn:aws:iam::123456789012:role/ci-deployer", NOW);

        assertThat(request.mayReviewEmergency(reviewer("bob"), SECURITY)).isTrue();
        request.reviewEmergency(reviewer("bob"), SECURITY, true, null, NOW.plusSeconds(60));

        assertThat(request.emergency()).isEqualTo(new Emergency("INC-1: payments down", Emergency.Review.CONFIRMED));
        assertThat(request.status()).isEqualTo(RoleRequestStatus.APPLIED);
        assertThat(request.pendingEvents())
                .filteredOn(RoleRequestEmergencyReviewed.class::isInstance)
                .singleElement()
                .satisfies(event -> assertThat(((RoleRequestEmergencyReviewed) event).action())
                        .isEqualTo("request.emergency_confirmed"));
        assertThat(request.mayReviewEmergency(reviewer("erin"), SECURITY)).isFalse();
        assertThatThrownBy(() -> request.reviewEmergency(reviewer("erin"), SECURITY, false, "no", NOW))
                .isInstanceOfSatisfying(
                        NoEmergencyReviewException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("emergencyReview", "CONFIRMED"));
    }

    @Test
    void theReviewIsAboutTheDecisionSoItClosesWhileTheApplyRunsAndTheApplyEndsAsBefore() {
        RoleRequest approved = filed(REVIEW);
        approved.reviewEmergency(reviewer("bob"), SECURITY, true, null, NOW);
        approved.startApply(NOW);
        approved.markApplied("arn:aws:iam::123456789012:role/ci-deployer", NOW);

        RoleRequest applying = filed(REVIEW);
        applying.startApply(NOW);
        applying.reviewEmergency(reviewer("bob"), SECURITY, false, "Too broad", NOW);
        applying.markFailed("AccessDenied", "no", NOW);

        assertThat(approved.status()).isEqualTo(RoleRequestStatus.APPLIED);
        assertThat(approved.emergency().review()).isEqualTo(Emergency.Review.CONFIRMED);
        assertThat(applying.status()).isEqualTo(RoleRequestStatus.FAILED);
        assertThat(applying.emergency().review()).isEqualTo(Emergency.Review.REVOKED);
    }

    @Test
    void aRequestNotFiledAsAnEmergencyHasNoReviewAfterTheFact() {
        RoleRequest request = RoleRequest.draft("alice", "payments", RoleSpecs.valid(), "CI deploys", NOW);
        request.submit("alice", NOW);
        request.startReview(NOW);

        assertThatThrownBy(() -> request.reviewEmergency(reviewer("bob"), SECURITY, true, null, NOW))
                .isInstanceOfSatisfying(
                        NoEmergencyReviewException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("emergencyReview", "NONE"));
    }

    @Test
    void theFilerNeverReviewsTheirOwnEmergency() {
        RoleRequest request = filed(REVIEW);
        Actor aliceAsReviewer = reviewer("alice");

        assertThat(request.mayReviewEmergency(aliceAsReviewer, SECURITY)).isFalse();
        assertThatThrownBy(() -> request.reviewEmergency(aliceAsReviewer, SECURITY, true, null, NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ActionNotAllowedException.Reason.OWN_REQUEST));
        assertThat(request.emergency().awaitsReview()).isTrue();
    }

    @Test
    void onlyTheReviewStagesGroupsReviewIt() {
        RoleRequest request = filed(REVIEW);

        assertThat(request.mayReviewEmergency(reviewer("olga"), Set.of("payments-owners")))
                .isFalse();
        assertThatThrownBy(() -> request.reviewEmergency(reviewer("olga"), Set.of("payments-owners"), true, null, NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ActionNotAllowedException.Reason.NOT_IN_WAITING_STAGE));
        Actor requester = new Actor("frank", false, false, false);
        assertThatThrownBy(() -> request.reviewEmergency(requester, SECURITY, true, null, NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ActionNotAllowedException.Reason.NOT_A_REVIEWER));
    }

    @Test
    void revokingNeedsAReasonAndClosesTheReview() {
        RoleRequest request = filed(REVIEW);

        assertThatThrownBy(() -> request.reviewEmergency(reviewer("bob"), SECURITY, false, null, NOW))
                .isInstanceOf(CommentRequiredException.class);
        assertThat(request.emergency().awaitsReview()).isTrue();

        request.reviewEmergency(reviewer("bob"), SECURITY, false, "Too broad: delete it", NOW);
        assertThat(request.emergency().review()).isEqualTo(Emergency.Review.REVOKED);
    }

    @Test
    void aTwoPersonReviewNeedsTwoDifferentConfirmations() {
        RoleRequest request = filed(new RouteStage(List.of("security"), 2, Duration.ofHours(4), null));

        request.reviewEmergency(reviewer("bob"), SECURITY, true, null, NOW);
        assertThat(request.emergency().awaitsReview()).isTrue();
        assertThatThrownBy(() -> request.reviewEmergency(reviewer("bob"), SECURITY, true, null, NOW))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ActionNotAllowedException.Reason.ALREADY_APPROVED));

        request.reviewEmergency(reviewer("erin"), SECURITY, true, null, NOW);
        assertThat(request.emergency().review()).isEqualTo(Emergency.Review.CONFIRMED);
    }

    @Test
    void anUnreviewedEmergencyIsMarkedOverdueOnceWhenItsSlaPassesEvenThoughItWasApplied() {
        RoleRequest request = filed(REVIEW);
        request.startApply(NOW);
        request.markApplied("arn:aws:iam::123456789012:role/ci-deployer", NOW);

        assertThat(request.markOverdue(NOW.plus(Duration.ofHours(4)).minusSeconds(1)))
                .isFalse();
        assertThat(request.markOverdue(NOW.plus(Duration.ofHours(4)))).isTrue();
        assertThat(request.markOverdue(NOW.plus(Duration.ofHours(5)))).isFalse();
        assertThat(request.pendingEvents()).contains(new RoleRequestSlaPassed(request.ref(), 1, "security"));
    }
}
