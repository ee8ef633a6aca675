package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.request.events.RoleRequestApproved;
import dev.rolecall.request.events.RoleRequestRejected;
import dev.rolecall.request.events.RoleRequestSlaPassed;
import dev.rolecall.request.events.RoleRequestStageOpened;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.ActionNotAllowedException.Reason;
import dev.rolecall.request.review.StageView;
import dev.rolecall.routing.Route;
import dev.rolecall.routing.RouteStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A routed revision: stages in order, N of M, nobody counting twice, auto-approval, denial, SLA. */
class RoleRequestRoutingTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Set<String> SECURITY = Set.of("security");
    private static final Set<String> OWNERS = Set.of("payments-owners");

    private static final RouteStage ONE_OF_SECURITY =
            new RouteStage(List.of("security"), 1, Duration.ofHours(8), "security");
    private static final RouteStage TWO_OF_OWNERS =
            new RouteStage(List.of("payments-owners"), 2, Duration.ofHours(24), null);

    private static Actor reviewer(String username) {
        return new Actor(username, true, false, true);
    }

    private static RoleRequest routed(RouteStage... stages) {
        RoleRequest request = RoleRequest.draft("alice", "payments", RoleSpecs.valid(), "CI deploys", NOW);
        request.submit("alice", NOW);
        request.startReview(NOW);
        request.route(new Route(Route.Outcome.REVIEW, "prod", List.of(stages), null), NOW);
        return request;
    }

    @Test
    void theFirstStageOpensWithItsSlaAndTheNextWaitsForIt() {
        RoleRequest request = routed(ONE_OF_SECURITY, TWO_OF_OWNERS);

        List<StageView> stages = request.progress("carol", Set.of()).stages();
        assertThat(stages.get(0).waiting()).isTrue();
        assertThat(stages.get(0).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(stages.get(1).openedAt()).isNull();
        assertThat(request.progress("carol", Set.of()).ruleName()).isEqualTo("prod");
        assertThat(request.pendingEvents())
                .contains(new RoleRequestStageOpened(
                        request.ref(), 1, List.of("security"), 1, NOW.plus(Duration.ofHours(8))));
    }

    @Test
    void approvedOnlyWhenEveryStageHasItsApprovalsInOrder() {
        RoleRequest request = routed(ONE_OF_SECURITY, TWO_OF_OWNERS);

        assertThatThrownBy(() -> request.decide(reviewer("erin"), OWNERS, DecisionType.APPROVE, "ok", NOW))
                .isInstanceOf(ActionNotAllowedException.class)
                .extracting("reason")
                .isEqualTo(Reason.NOT_IN_WAITING_STAGE);

        request.decide(reviewer("bob"), SECURITY, DecisionType.APPROVE, "ok", NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(request.progress("carol", Set.of()).waiting().orElseThrow().waitingOn())
                .isEqualTo("2 of payments-owners");

        request.decide(reviewer("erin"), OWNERS, DecisionType.APPROVE, "ok", NOW.plusSeconds(60));
        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(request.progress("carol", Set.of()).waiting().orElseThrow().waitingOn())
                .isEqualTo("1 of payments-owners");
        assertThat(request.pendingEvents()).noneMatch(RoleRequestApproved.class::isInstance);

        request.decide(reviewer("olga"), OWNERS, DecisionType.APPROVE, "ok", NOW.plusSeconds(120));
        assertThat(request.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(request.progress("carol", Set.of()).stages())
                .extracting(StageView::approvers)
                .containsExactly(List.of("bob"), List.of("erin", "olga"));
        assertThat(request.pendingEvents())
                .filteredOn(RoleRequestApproved.class::isInstance)
                .hasSize(1);
    }

    @Test
    void onePersonApprovesOneStageOnly() {
        RoleRequest request = routed(ONE_OF_SECURITY, TWO_OF_OWNERS);
        Set<String> both = Set.of("security", "payments-owners");
        request.decide(reviewer("erin"), both, DecisionType.APPROVE, "ok", NOW);

        assertThatThrownBy(() -> request.decide(reviewer("erin"), both, DecisionType.APPROVE, "ok", NOW))
                .isInstanceOf(ActionNotAllowedException.class)
                .extracting("reason")
                .isEqualTo(Reason.ALREADY_APPROVED);
        assertThat(request.progress("carol", Set.of()).waiting().orElseThrow().approvers())
                .isEmpty();
    }

    @Test
    void theRequesterNeverCountsEvenInTheGroup() {
        RoleRequest request = routed(ONE_OF_SECURITY);

        assertThatThrownBy(() -> request.decide(reviewer("alice"), SECURITY, DecisionType.APPROVE, "ok", NOW))
                .isInstanceOf(ActionNotAllowedException.class)
                .extracting("reason")
                .isEqualTo(Reason.OWN_REQUEST);
    }

    @Test
    void onlyTheWaitingStagesGroupsRejectOrAskForChanges() {
        RoleRequest request = routed(ONE_OF_SECURITY);

        assertThatThrownBy(() -> request.decide(reviewer("erin"), OWNERS, DecisionType.REJECT, "no", NOW))
                .isInstanceOf(ActionNotAllowedException.class);
        request.decide(reviewer("bob"), SECURITY, DecisionType.REJECT, "no", NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.REJECTED);
    }

    @Test
    void aNewRevisionRestartsTheRoute() {
        RoleRequest request = routed(ONE_OF_SECURITY, TWO_OF_OWNERS);
        request.decide(reviewer("bob"), SECURITY, DecisionType.APPROVE, "ok", NOW);

        request.revise(new Actor("alice", false, false, false), RoleSpecs.valid(), "narrower", NOW);
        request.startReview(NOW);
        request.route(new Route(Route.Outcome.REVIEW, "prod", List.of(ONE_OF_SECURITY, TWO_OF_OWNERS), null), NOW);

        assertThat(request.progress("carol", Set.of()).waiting().orElseThrow().position())
                .isEqualTo(1);
        assertThat(request.progress("carol", Set.of()).waiting().orElseThrow().approvers())
                .isEmpty();
        request.decide(reviewer("bob"), SECURITY, DecisionType.APPROVE, "still ok", NOW);
        assertThat(request.progress("carol", Set.of()).waiting().orElseThrow().position())
                .isEqualTo(2);
    }

    @Test
    void autoApprovalIsRecordedWithTheRulesName() {
        RoleRequest request = routed();
        RoleRequest auto = RoleRequest.draft("alice", "payments", RoleSpecs.valid(), "CI deploys", NOW);
        auto.submit("alice", NOW);
        auto.startReview(NOW);
        auto.route(new Route(Route.Outcome.AUTO_APPROVE, "sandbox-low-risk", List.of(), null), NOW);

        assertThat(auto.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(auto.toView().decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.reviewer()).isEqualTo("rolecall");
            assertThat(decision.comment()).isEqualTo("Approved by routing rule sandbox-low-risk");
        });
        assertThat(auto.pendingEvents()).anyMatch(RoleRequestApproved.class::isInstance);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
    }

    @Test
    void aDenyingRuleRejectsWithItsMessage() {
        RoleRequest request = RoleRequest.draft("alice", "payments", RoleSpecs.valid(), "CI deploys", NOW);
        request.submit("alice", NOW);
        request.startReview(NOW);
        request.route(new Route(Route.Outcome.DENY, "no-admin", List.of(), "Admin roles are not requested here"), NOW);

        assertThat(request.status()).isEqualTo(RoleRequestStatus.REJECTED);
        assertThat(request.toView().decisions().get(0).comment())
                .isEqualTo("Denied by routing rule no-admin: Admin roles are not requested here");
        assertThat(request.pendingEvents()).anyMatch(RoleRequestRejected.class::isInstance);
    }

    @Test
    void aStagePastItsSlaIsMarkedOverdueOnce() {
        RoleRequest request = routed(ONE_OF_SECURITY);

        assertThat(request.markOverdue(NOW.plus(Duration.ofHours(7)))).isFalse();
        assertThat(request.markOverdue(NOW.plus(Duration.ofHours(8)))).isTrue();
        assertThat(request.markOverdue(NOW.plus(Duration.ofHours(9)))).isFalse();
        assertThat(request.pendingEvents())
                .filteredOn(RoleRequestSlaPassed.class::isInstance)
                .containsExactly(new RoleRequestSlaPassed(request.ref(), 1, "security"));
        assertThat(request.progress("carol", Set.of()).stages().get(0).overdueAt())
                .isEqualTo(NOW.plus(Duration.ofHours(8)));
    }

    @Test
    void aReviewerWhoEditedIsNeverTheOnlyApproverOfTheirEdit() {
        RoleRequest request = routed(ONE_OF_SECURITY);
        request.revise(reviewer("erin"), SECURITY, RoleSpecs.valid(), "narrowed the resource", NOW);
        request.startReview(NOW);
        request.route(new Route(Route.Outcome.REVIEW, null, List.of(ONE_OF_SECURITY), null), NOW);

        assertThat(request.revisions())
                .last()
                .extracting(RevisionView::submittedBy)
                .isEqualTo("erin");
        assertThatThrownBy(() -> request.decide(reviewer("erin"), SECURITY, DecisionType.APPROVE, "ok", NOW))
                .isInstanceOf(ActionNotAllowedException.class)
                .extracting("reason")
                .isEqualTo(Reason.OWN_EDIT);
        request.decide(reviewer("bob"), SECURITY, DecisionType.APPROVE, "ok", NOW);
        assertThat(request.status()).isEqualTo(RoleRequestStatus.APPROVED);
    }

    @Test
    void onlyAReviewerTheWaitingStageAdmitsMayEdit() {
        RoleRequest request = routed(ONE_OF_SECURITY);

        assertThatThrownBy(() -> request.revise(reviewer("olga"), OWNERS, RoleSpecs.valid(), "mine", NOW))
                .isInstanceOf(ActionNotAllowedException.class)
                .extracting("reason")
                .isEqualTo(Reason.NOT_IN_WAITING_STAGE);
        assertThat(request.revision()).isEqualTo(1);
    }
}
