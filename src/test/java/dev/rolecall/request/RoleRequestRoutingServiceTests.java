package dev.rolecall.request;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.inbox.InboxFilter;
import dev.rolecall.request.inbox.InboxPage;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.inbox.InboxSort;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.review.ReviewProgress;
import dev.rolecall.request.review.StageView;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.DemoRouting;
import dev.rolecall.test.RolecallIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo routing rules, through the service: sandbox LOW approves itself, prod needs bob then erin. */
@RolecallIntegrationTest
@DemoRouting
class RoleRequestRoutingServiceTests {

    static final String PROD_ACCOUNT = "444455556666";

    @Autowired
    RoleRequestService requests;

    @Autowired
    InboxService inbox;

    static RoleSpec lowRisk(String account, String roleName) {
        return new RoleSpec(
                account,
                roleName,
                "/",
                "Reads its own logs",
                RoleSpecs.lambdaTrust(),
                List.of(),
                Map.of("read-logs", RoleSpecs.json("""
                                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                                 "Action":"logs:GetLogEvents",
                                 "Resource":"arn:aws:logs:us-east-1:%s:log-group:/app/reader:*"}]}""".formatted(account))),
                null,
                3600,
                Map.of(),
                null);
    }

    @Test
    void aLowRiskSandboxRequestApprovesItselfByTheDemoRule() {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(lowRisk(RoleSpecs.ACCOUNT, "svc-auto"), "reads logs", Map.of()), ALICE);

        assertThat(filed.riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(filed.status())
                .isIn(RoleRequestStatus.APPROVED, RoleRequestStatus.APPLYING, RoleRequestStatus.APPLIED);
        assertThat(filed.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.reviewer()).isEqualTo("rolecall");
            assertThat(decision.comment()).isEqualTo("Approved by routing rule sandbox-low-risk");
        });
        assertThat(requests.page(filed.id(), ALICE).route().orElseThrow().ruleName())
                .isEqualTo("sandbox-low-risk");
    }

    @Test
    void aProdRequestNeedsSecurityThenTheAccountsOwners() {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(lowRisk(PROD_ACCOUNT, "svc-prod"), "reads logs", Map.of()), ALICE);
        assertThat(requests.page(filed.id(), BOB)
                        .route()
                        .orElseThrow()
                        .waiting()
                        .map(StageView::waitingOn))
                .contains("1 of security");

        RoleRequestView afterBob = requests.decide(filed.id(), filed.version(), DecisionType.APPROVE, "ok", BOB);
        assertThat(afterBob.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        ReviewProgress progress = requests.page(filed.id(), ERIN).route().orElseThrow();
        assertThat(progress.readerMayDecide()).isTrue();
        assertThat(requests.page(filed.id(), BOB).route().orElseThrow().readerMayDecide())
                .isFalse();
        assertThat(progress.ruleName()).isEqualTo("prod-security-then-owners");
        assertThat(progress.waiting().map(StageView::waitingOn)).contains("1 of payments-owners");
        assertThatThrownBy(() -> requests.decide(filed.id(), null, DecisionType.APPROVE, "again", BOB))
                .isInstanceOf(ActionNotAllowedException.class);

        RoleRequestView afterErin = requests.decide(filed.id(), null, DecisionType.APPROVE, "owners agree", ERIN);
        assertThat(afterErin.status()).isNotEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(requests.page(filed.id(), ALICE).route().orElseThrow().stages())
                .extracting(StageView::approvers)
                .containsExactly(List.of("bob"), List.of("erin"));
    }

    @Test
    void theInboxTabsFollowTheWaitingStage() {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(lowRisk(PROD_ACCOUNT, "svc-inbox"), "reads logs", Map.of()), ALICE);
        assertThat(ids(inbox.page(BOB, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500)))
                .contains(filed.id());
        assertThat(ids(inbox.page(ERIN, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500)))
                .as("erin is not in security: stage 1 does not wait on her")
                .doesNotContain(filed.id());

        requests.decide(filed.id(), null, DecisionType.APPROVE, "ok", BOB);

        assertThat(ids(inbox.page(BOB, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500)))
                .doesNotContain(filed.id());
        assertThat(ids(inbox.page(BOB, InboxTab.ALL_OPEN, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500)))
                .contains(filed.id());
        assertThat(ids(inbox.page(BOB, InboxTab.DECIDED_BY_ME, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500)))
                .contains(filed.id());
        assertThat(ids(inbox.page(ERIN, InboxTab.DECIDED_BY_ME, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500)))
                .doesNotContain(filed.id());
        InboxPage erins = inbox.page(ERIN, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500);
        assertThat(ids(erins)).contains(filed.id());
        assertThat(erins.waiting().get(filed.id())).satisfies(stage -> {
            assertThat(stage.position()).isEqualTo(2);
            assertThat(stage.stages()).isEqualTo(2);
            assertThat(stage.waitingOn()).isEqualTo("1 of payments-owners");
            assertThat(stage.dueAt()).isNotNull();
        });
    }

    @Test
    void theNavCountsWhatWaitsOnMyGroupsAndThatIMayStillDecide() {
        long bobBefore = inbox.waitingFor("bob", true).orElseThrow();
        long erinBefore = inbox.waitingFor("erin", true).orElseThrow();
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(lowRisk(PROD_ACCOUNT, "svc-nav-count"), "reads logs", Map.of()), ALICE);
        assertThat(inbox.waitingFor("bob", true)).hasValue(bobBefore + 1);
        assertThat(inbox.waitingFor("erin", true))
                .as("stage 1 waits on security only")
                .hasValue(erinBefore);

        requests.decide(filed.id(), null, DecisionType.APPROVE, "ok", BOB);

        assertThat(inbox.waitingFor("bob", true)).as("bob decided his stage").hasValue(bobBefore);
        assertThat(inbox.waitingFor("erin", true)).hasValue(erinBefore + 1);
        assertThat(inbox.waitingFor("alice", false))
                .as("no count for who does not review")
                .isEmpty();
    }

    private static List<RoleRequestId> ids(InboxPage slice) {
        return slice.items().stream().map(RoleRequestSummary::id).toList();
    }
}
