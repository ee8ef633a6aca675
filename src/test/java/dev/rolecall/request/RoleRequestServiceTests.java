package dev.rolecall.request;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.CAROL;
import static dev.rolecall.test.TestUsers.ERIN;
import static dev.rolecall.test.TestUsers.FRANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.inbox.InboxFilter;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.inbox.InboxSort;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.problems.StaleRequestException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.RoleRequestCheck;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The façade on real PostgreSQL: visibility per object, and decisions racing each other. */
@RolecallIntegrationTest
class RoleRequestServiceTests {

    @Autowired
    RoleRequestService requests;

    @Autowired
    InboxService inbox;

    @Autowired
    DataSource dataSource;

    private RoleRequestView submitted(String roleName) {
        return requests.submit(new SubmitRoleRequest(RoleSpecs.valid(roleName), "CI deploys", Map.of()), ALICE);
    }

    @Test
    void aSubmittedRequestIsInReviewAndSurvivesAReadBack() {
        RoleRequestView created = submitted("svc-readback");
        RoleRequestView read = requests.get(created.id(), ALICE);
        assertThat(read.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(read.spec()).isEqualTo(RoleSpecs.valid("svc-readback"));
        assertThat(read.requesterTeam()).isEqualTo("payments");
    }

    @Test
    void aRevisionWithoutAStoredChangePlanStillOpens() {
        // Revisions filed before change plans were stored hold SQL NULL in change_plan.
        RoleRequestView created = submitted("svc-no-plan-column");
        int cleared = JdbcClient.create(dataSource)
                .sql("UPDATE role_request_revision SET change_plan = NULL WHERE request_id = ?")
                .param(created.id().value())
                .update();
        assertThat(cleared).isEqualTo(1);
        RoleRequestView read = requests.get(created.id(), ALICE);
        assertThat(read.spec()).isEqualTo(RoleSpecs.valid("svc-no-plan-column"));
        assertThat(read.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
    }

    @Test
    void submittingStoresTheRiskLevelAndTheFindingThatSetsIt() {
        RoleRequestView created = requests.submit(
                new SubmitRoleRequest(passRoleForLambda("svc-passrole"), "passes roles", Map.of()), ALICE);
        RoleRequestSummary listed = requests.list(CAROL, null, null, null, 100).items().stream()
                .filter(summary -> summary.id().equals(created.id()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.riskLevel()).isIn(RiskLevel.HIGH, RiskLevel.CRITICAL);
        assertThat(listed.topFindingCode()).isNotBlank();
        assertThat(requests.analysis(requests.get(created.id(), BOB)).findings())
                .extracting(PolicyFinding::code)
                .contains("iam-passrole-star");
    }

    @Test
    void aBlockingFindingStopsSubmissionOnTheFieldToFix() {
        RoleSpec anyWorkflow = new RoleSpec(
                RoleSpecs.ACCOUNT,
                "gh-deployer",
                "/",
                null,
                RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                 "Action":"sts:AssumeRoleWithWebIdentity",
                 "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}"""),
                List.of(),
                java.util.Map.of(),
                null,
                3600,
                java.util.Map.of(),
                null);
        assertThatThrownBy(() -> requests.submit(new SubmitRoleRequest(anyWorkflow, "deploys", Map.of()), ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("trustPolicy");
                            assertThat(problem.message()).contains("trust-github-no-sub");
                        }));
    }

    @Test
    void aCheckReportsProblemsAndFindingsWithoutSaving() {
        // By id: the newest request may be one an earlier test approved, still being applied meanwhile.
        List<RoleRequestId> before = requests.list(CAROL, null, null, null, 1).items().stream()
                .map(RoleRequestSummary::id)
                .toList();
        RoleRequestCheck check =
                requests.check(new SubmitRoleRequest(RoleSpecs.valid("bad name"), "", Map.of()), List.of());
        assertThat(check.problems()).extracting(FieldProblem::field).containsExactly("roleName", "justification");
        assertThat(check.analysis().findings()).isNotNull();
        assertThat(requests.list(CAROL, null, null, null, 1).items().stream()
                        .map(RoleRequestSummary::id)
                        .toList())
                .isEqualTo(before);
    }

    @Test
    void anInvalidRoleNameIsAFieldErrorAndLeavesTheRiskAsThePoliciesSetIt() {
        RoleSpec passRole = passRoleForLambda("svc-risk");
        RoleSpec badName = new RoleSpec(
                passRole.accountId(),
                "bad name!",
                passRole.path(),
                passRole.description(),
                passRole.trustPolicy(),
                passRole.managedPolicyArns(),
                passRole.inlinePolicies(),
                passRole.permissionsBoundaryArn(),
                passRole.maxSessionDurationSeconds(),
                passRole.tags(),
                passRole.expiresAt());

        RoleRequestCheck valid = requests.check(new SubmitRoleRequest(passRole, "CI deploys", Map.of()), List.of());
        RoleRequestCheck invalid = requests.check(new SubmitRoleRequest(badName, "CI deploys", Map.of()), List.of());

        assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly("roleName");
        assertThat(invalid.analysis().findings())
                .extracting(PolicyFinding::code)
                .doesNotContain("role-name-invalid")
                .isEqualTo(valid.analysis().findings().stream()
                        .map(PolicyFinding::code)
                        .toList());
        assertThat(invalid.analysis().riskLevel()).isEqualTo(valid.analysis().riskLevel());
        assertThat(invalid.analysis().topFinding().orElseThrow().code()).isEqualTo("iam-passrole-star");
    }

    @Test
    void aRaisedRiskIsStoredWithItsReason() {
        RoleRequestView created = requests.submit(
                new SubmitRoleRequest(passRoleForLambda("svc-raised"), "passes roles", Map.of()), ALICE);

        RoleRequestView read = requests.get(created.id(), BOB);
        assertThat(read.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(read.topFindingCode()).isEqualTo("iam-passrole-star");
        assertThat(read.riskReason()).isEqualTo("raised from HIGH: a compute service can assume this role");
        assertThat(requests.list(CAROL, null, null, null, 100).items().stream()
                        .filter(summary -> summary.id().equals(created.id()))
                        .findFirst()
                        .orElseThrow()
                        .riskReason())
                .isEqualTo(read.riskReason());
    }

    @Test
    void anAwsManagedArnThatDoesNotExistStopsSubmissionWithTheClosestName() {
        RoleSpec valid = RoleSpecs.valid("svc-near-miss");
        RoleSpec nearMiss = new RoleSpec(
                valid.accountId(),
                valid.roleName(),
                valid.path(),
                valid.description(),
                valid.trustPolicy(),
                List.of("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"),
                valid.inlinePolicies(),
                valid.permissionsBoundaryArn(),
                valid.maxSessionDurationSeconds(),
                valid.tags(),
                valid.expiresAt());

        assertThatThrownBy(() -> requests.submit(new SubmitRoleRequest(nearMiss, "logs", Map.of()), ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("managedPolicyArns");
                            assertThat(problem.message())
                                    .contains("did you mean arn:aws:iam::aws:policy/service-role/"
                                            + "AWSLambdaBasicExecutionRole?");
                        }));
    }

    private static RoleSpec passRoleForLambda(String roleName) {
        return new RoleSpec(
                RoleSpecs.ACCOUNT,
                roleName,
                "/",
                null,
                RoleSpecs.lambdaTrust(),
                List.of(),
                java.util.Map.of("pass", RoleSpecs.json("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""")),
                null,
                3600,
                java.util.Map.of(),
                null);
    }

    @Test
    void anInvalidSpecSavesNothing() {
        // By id: the newest request may be one an earlier test approved, still being applied meanwhile.
        List<RoleRequestId> before = requests.list(CAROL, null, null, null, 1).items().stream()
                .map(RoleRequestSummary::id)
                .toList();
        assertThatThrownBy(
                        () -> requests.submit(new SubmitRoleRequest(RoleSpecs.valid("bad name"), "x", Map.of()), ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("roleName"));
        assertThat(requests.list(CAROL, null, null, null, 1).items().stream()
                        .map(RoleRequestSummary::id)
                        .toList())
                .isEqualTo(before);
    }

    @Test
    void otherRequestersCannotSeeOrActOnARequestButReviewersAndAuditorsCanRead() {
        RoleRequestView created = submitted("svc-visibility");
        assertThatThrownBy(() -> requests.get(created.id(), FRANK)).isInstanceOf(RoleRequestNotFoundException.class);
        assertThatThrownBy(() -> requests.page(created.id(), FRANK)).isInstanceOf(RoleRequestNotFoundException.class);
        assertThatThrownBy(() -> requests.withdraw(created.id(), null, FRANK))
                .isInstanceOf(RoleRequestNotFoundException.class);
        assertThat(requests.list(FRANK, null, null, null, 100).items())
                .extracting(RoleRequestSummary::id)
                .doesNotContain(created.id());
        assertThat(requests.get(created.id(), BOB).id()).isEqualTo(created.id());
        assertThat(requests.get(created.id(), CAROL).id()).isEqualTo(created.id());
        assertThat(requests.page(created.id(), CAROL).request()).isEqualTo(requests.get(created.id(), CAROL));
        assertThatThrownBy(() -> requests.decide(created.id(), null, DecisionType.APPROVE, null, CAROL))
                .isInstanceOf(ActionNotAllowedException.class);
    }

    @Test
    void theInboxHoldsOthersRequestsInReviewOnly() {
        RoleRequestView alices = submitted("svc-inbox");
        RoleRequestView bobs =
                requests.submit(new SubmitRoleRequest(RoleSpecs.valid("svc-inbox-bob"), "mine", Map.of()), BOB);
        List<RoleRequestId> bobsInbox = inbox
                .page(BOB, RoleRequestService.InboxTab.ALL_OPEN, InboxFilter.NONE, InboxSort.OLDEST, null, null, 500)
                .items()
                .stream()
                .map(RoleRequestSummary::id)
                .toList();
        assertThat(bobsInbox).contains(alices.id()).doesNotContain(bobs.id());
        assertThat(inbox.page(
                                ALICE,
                                RoleRequestService.InboxTab.ALL_OPEN,
                                InboxFilter.NONE,
                                InboxSort.OLDEST,
                                null,
                                null,
                                10)
                        .items())
                .isEmpty();
    }

    @Test
    void twoDecisionsAtTheSameMomentExactlyOneWins() throws Exception {
        RoleRequestView created = submitted("svc-race");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RoleRequestView>> outcomes = new ArrayList<>();
            for (CurrentUser reviewer : List.of(BOB, ERIN)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return requests.decide(
                            created.id(), created.version(), DecisionType.APPROVE, "Scoped to CI", reviewer);
                }));
            }
            int wins = 0;
            List<Throwable> losses = new ArrayList<>();
            for (Future<RoleRequestView> outcome : outcomes) {
                try {
                    outcome.get();
                    wins++;
                } catch (java.util.concurrent.ExecutionException e) {
                    losses.add(e.getCause());
                }
            }
            assertThat(wins).as("outcomes: %s", losses).isEqualTo(1);
            assertThat(losses)
                    .singleElement()
                    .isInstanceOfAny(
                            OptimisticLockingFailureException.class,
                            StaleRequestException.class,
                            IllegalTransitionException.class);
        } finally {
            pool.shutdownNow();
        }
        RoleRequestView decided = requests.get(created.id(), CAROL);
        assertThat(decided.decisions()).hasSize(1);
        assertThat(decided.status())
                .isIn(
                        RoleRequestStatus.APPROVED,
                        RoleRequestStatus.APPLYING,
                        RoleRequestStatus.APPLIED,
                        RoleRequestStatus.FAILED);
    }

    @Test
    void aRequestWithRequestedChangesCanBeRevisedAndReviewedAgain() {
        RoleRequestView created = submitted("svc-revise");
        requests.decide(created.id(), null, DecisionType.REQUEST_CHANGES, "shorter session please", BOB);
        RoleSpec shorter = new RoleSpec(
                RoleSpecs.ACCOUNT,
                "svc-revise",
                "/ci/",
                null,
                RoleSpecs.lambdaTrust(),
                List.of(),
                java.util.Map.of(),
                null,
                3600,
                java.util.Map.of(),
                null);
        RoleRequestView revised =
                requests.revise(created.id(), null, new SubmitRoleRequest(shorter, "shorter", Map.of()), ALICE);
        assertThat(revised.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.spec().maxSessionDurationSeconds()).isEqualTo(3600);
    }

    @Test
    void aRevisionWhileInReviewRestartsReviewAndAnApprovalOfTheOlderRevisionIsRefused() {
        RoleRequestView read = submitted("svc-revise-in-review");
        RoleRequestView revised = requests.revise(
                read.id(),
                read.version(),
                new SubmitRoleRequest(RoleSpecs.valid("svc-revise-in-review"), "again", Map.of()),
                ALICE);
        assertThat(revised.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.version()).isGreaterThan(read.version());
        // bob read revision 1; his approval must not approve revision 2, which he has not seen.
        assertThatThrownBy(() -> requests.decide(read.id(), read.version(), DecisionType.APPROVE, null, BOB))
                .isInstanceOf(StaleRequestException.class);
        RoleRequestView now = requests.get(read.id(), CAROL);
        assertThat(now.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(now.decisions()).isEmpty();
        assertThat(inbox
                        .page(
                                BOB,
                                RoleRequestService.InboxTab.ALL_OPEN,
                                InboxFilter.NONE,
                                InboxSort.OLDEST,
                                null,
                                null,
                                500)
                        .items()
                        .stream()
                        .map(RoleRequestSummary::id))
                .contains(read.id());
    }

    @Test
    void afterARevisionDecisionsOnEarlierRevisionsNoLongerCount() {
        RoleRequestView created = submitted("svc-revise-approvals");
        requests.decide(created.id(), null, DecisionType.REQUEST_CHANGES, "add a cost centre", BOB);
        RoleRequestView revised = requests.revise(
                created.id(),
                null,
                new SubmitRoleRequest(RoleSpecs.valid("svc-revise-approvals"), "tagged", Map.of()),
                ALICE);
        assertThat(revised.decisions())
                .singleElement()
                .satisfies(d -> assertThat(d.revision()).isEqualTo(1));
        assertThat(revised.currentDecisions()).isEmpty();
        assertThat(requests.revisions(created.id(), BOB))
                .extracting(RevisionView::number, RevisionView::justification)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "CI deploys"),
                        org.assertj.core.groups.Tuple.tuple(2, "tagged"));
        RoleRequestView approved = requests.decide(created.id(), revised.version(), DecisionType.APPROVE, "ok", ERIN);
        assertThat(approved.currentDecisions()).singleElement().satisfies(d -> {
            assertThat(d.reviewer()).isEqualTo("erin");
            assertThat(d.revision()).isEqualTo(2);
        });
    }

    @Test
    void onlyTheRequesterRevisesAndOnlyWhileTheRequestIsOpenToIt() {
        RoleRequestView created = submitted("svc-revise-who");
        SubmitRoleRequest again = new SubmitRoleRequest(RoleSpecs.valid("svc-revise-who"), "again", Map.of());
        assertThatThrownBy(() -> requests.revise(created.id(), null, again, FRANK))
                .isInstanceOf(RoleRequestNotFoundException.class);
        assertThatThrownBy(() -> requests.getForRevision(created.id(), FRANK))
                .isInstanceOf(RoleRequestNotFoundException.class);
        assertThatThrownBy(() -> requests.revisions(created.id(), FRANK))
                .isInstanceOf(RoleRequestNotFoundException.class);
        assertThatThrownBy(() -> requests.revise(created.id(), null, again, CAROL))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ActionNotAllowedException.Reason.NOT_THE_REQUESTER));
        assertThatThrownBy(() -> requests.revise(created.id(), created.version() - 1, again, ALICE))
                .isInstanceOf(StaleRequestException.class);
        assertThat(requests.getForRevision(created.id(), ALICE).revision()).isEqualTo(1);

        requests.withdraw(created.id(), null, ALICE);
        assertThatThrownBy(() -> requests.revise(created.id(), null, again, ALICE))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.from()).isEqualTo(RoleRequestStatus.WITHDRAWN));
        assertThatThrownBy(() -> requests.getForRevision(created.id(), ALICE))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(requests.get(created.id(), ALICE).revision()).isEqualTo(1);
    }

    @Test
    void anInvalidRevisionOrOneForAnotherRoleSavesNothing() {
        RoleRequestView created = submitted("svc-revise-invalid");
        RoleSpec spec = RoleSpecs.valid("svc-revise-invalid");
        RoleSpec shortSession = new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                spec.description(),
                spec.trustPolicy(),
                spec.managedPolicyArns(),
                spec.inlinePolicies(),
                spec.permissionsBoundaryArn(),
                60,
                spec.tags(),
                spec.expiresAt());
        assertThatThrownBy(() -> requests.revise(
                        created.id(),
                        created.version(),
                        new SubmitRoleRequest(shortSession, "shorter", Map.of()),
                        ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("maxSessionDurationSeconds"));
        assertThatThrownBy(() -> requests.revise(
                        created.id(),
                        created.version(),
                        new SubmitRoleRequest(RoleSpecs.valid("svc-renamed"), "renamed", Map.of()),
                        ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("roleName"));
        RoleRequestView unchanged = requests.get(created.id(), ALICE);
        assertThat(unchanged.revision()).isEqualTo(1);
        assertThat(unchanged.version()).isEqualTo(created.version());
        assertThat(unchanged.spec()).isEqualTo(spec);
    }

    @Test
    void aReviewerEditIsANewRevisionOfTheirsThatAnotherReviewerMustApprove() {
        RoleRequestView created = submitted("svc-reviewer-edit");
        SubmitRoleRequest narrowed = new SubmitRoleRequest(RoleSpecs.valid("svc-reviewer-edit"), "narrowed", Map.of());

        RoleRequestView edited = requests.revise(created.id(), created.version(), narrowed, BOB);

        assertThat(edited.revision()).isEqualTo(2);
        assertThat(edited.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(requests.revisions(created.id(), ALICE))
                .extracting(RevisionView::submittedBy)
                .containsExactly("alice", "bob");
        assertThatThrownBy(() -> requests.decide(created.id(), null, DecisionType.APPROVE, "fine now", BOB))
                .isInstanceOfSatisfying(
                        ActionNotAllowedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ActionNotAllowedException.Reason.OWN_EDIT));
        assertThat(requests.decide(created.id(), null, DecisionType.APPROVE, "agreed", ERIN)
                        .status())
                .isNotEqualTo(RoleRequestStatus.IN_REVIEW);
    }
}
