package dev.rolecall.request;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.CAROL;
import static dev.rolecall.test.TestUsers.ERIN;
import static dev.rolecall.test.TestUsers.FRANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.inbox.InboxFilter;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.inbox.InboxSort;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.NoEmergencyReviewException;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.review.Emergency;
import dev.rolecall.request.review.StageView;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Break-glass through the service, on the demo configuration: alice (group {@code incident}) may file
 * emergencies, nobody else; an emergency is approved at once, waits in security's inbox for its review
 * after the fact, and every step is in the audit trail.
 */
@RolecallIntegrationTest
class EmergencyRequestServiceTests {

    @Autowired
    RoleRequestService requests;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InboxService inbox;

    private static SubmitRoleRequest emergency(String roleName, RequestKind kind, String reason) {
        return new SubmitRoleRequest(RoleSpecs.valid(roleName), "CI deploys", Map.of(), kind, true, reason);
    }

    private List<String> auditActions(RoleRequestView request) {
        return jdbc.queryForList(
                "SELECT action FROM audit_event WHERE request_id = ? ORDER BY event_id",
                String.class,
                request.id().value());
    }

    /** The demo account is plan-only: the apply job records the plan, in a transaction of its own. */
    private void awaitPlanRecorded(RoleRequestView filed) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (requests.get(filed.id(), ALICE).applySteps().isEmpty()) {
            assertThat(System.nanoTime()).as("the plan is recorded within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> fields(RoleSpecInvalidException e) {
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void anEmergencyIsApprovedAtOnceAndWaitsForItsReviewAfterTheFact() {
        RoleRequestView filed =
                requests.submit(emergency("svc-emergency", RequestKind.CREATE, "INC-7: deploys are down"), ALICE);

        assertThat(filed.status()).isEqualTo(RoleRequestStatus.APPROVED);
        assertThat(filed.emergency()).isEqualTo(new Emergency("INC-7: deploys are down", null));
        assertThat(filed.decisions())
                .singleElement()
                .satisfies(decision -> assertThat(decision.reviewer()).isEqualTo("rolecall"));
        StageView review =
                requests.page(filed.id(), BOB).route().orElseThrow().waiting().orElseThrow();
        assertThat(review.waitingOn()).isEqualTo("1 of security");
        assertThat(requests.page(filed.id(), BOB).mayReviewEmergency()).isTrue();
        assertThat(requests.page(filed.id(), ALICE).mayReviewEmergency()).isFalse();
        assertThat(inbox.page(BOB, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 200)
                        .slice()
                        .items())
                .filteredOn(row -> row.id().equals(filed.id()))
                .singleElement()
                .satisfies(row -> assertThat(row.emergencyReason()).isEqualTo("INC-7: deploys are down"));
        assertThat(requests.list(ALICE, null, null, null, 20).items())
                .filteredOn(row -> row.id().equals(filed.id()))
                .singleElement()
                .satisfies(row -> assertThat(row.emergency()).isTrue());
        assertThat(auditActions(filed))
                .containsSubsequence(
                        "request.submitted",
                        "request.emergency",
                        "request.decision",
                        "request.approved",
                        "request.stage_opened");
    }

    @Test
    void securityConfirmsItAfterTheFactAndTheFilerNeverCounts() {
        RoleRequestView filed =
                requests.submit(emergency("svc-emergency-confirm", RequestKind.CREATE, "INC-8: queue stuck"), ALICE);
        awaitPlanRecorded(filed);

        assertThatThrownBy(() -> requests.reviewEmergency(filed.id(), true, null, ALICE))
                .isInstanceOf(ActionNotAllowedException.class);
        assertThatThrownBy(() -> requests.reviewEmergency(filed.id(), true, null, CAROL))
                .isInstanceOf(ActionNotAllowedException.class);
        RoleRequestView confirmed = requests.reviewEmergency(filed.id(), true, "Needed for INC-8", ERIN);

        assertThat(confirmed.emergency().review()).isEqualTo(Emergency.Review.CONFIRMED);
        assertThat(requests.page(filed.id(), BOB).mayReviewEmergency()).isFalse();
        assertThat(inbox.page(BOB, InboxTab.MY_GROUPS, InboxFilter.NONE, InboxSort.OLDEST, null, null, 200)
                        .slice()
                        .items())
                .noneMatch(row -> row.id().equals(filed.id()));
        assertThat(auditActions(filed)).endsWith("request.decision", "request.emergency_confirmed");
    }

    @Test
    void aConfirmationWhileTheApplyJobRunsClosesTheReviewAndTheApplyEndsAsForAnyEmergency() {
        RoleRequestView filed =
                requests.submit(emergency("svc-emergency-racing", RequestKind.CREATE, "INC-12: racing"), ALICE);

        // Confirmed at once: the apply job starts on the same commit, so the request is APPROVED or
        // past it; before, a version read before the job moved it made this a conflict.
        RoleRequestView confirmed = requests.reviewEmergency(filed.id(), true, null, BOB);
        awaitPlanRecorded(filed);

        assertThat(confirmed.emergency().review()).isEqualTo(Emergency.Review.CONFIRMED);
        RoleRequestView after = requests.get(filed.id(), ALICE);
        assertThat(after.emergency().review()).isEqualTo(Emergency.Review.CONFIRMED);
        assertThat(after.applySteps()).isNotEmpty();
        assertThat(after.version()).isGreaterThan(filed.version());
        assertThat(auditActions(filed)).contains("request.emergency_confirmed");
        assertThatThrownBy(() -> requests.reviewEmergency(filed.id(), false, "too late", ERIN))
                .isInstanceOfSatisfying(
                        NoEmergencyReviewException.class,
                        e -> assertThat(e.getBody().getProperties()).containsEntry("emergencyReview", "CONFIRMED"));
    }

    @Test
    void inTheAccountOfAnOwnerGroupTheReviewAlsoAdmitsItsOwners() {
        RoleSpec payments = RoleSpecs.valid("444455556666", "svc-emergency-owners");
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(payments, "CI deploys", Map.of(), RequestKind.CREATE, true, "INC-13"), ALICE);

        assertThat(requests.page(filed.id(), ERIN)
                        .route()
                        .orElseThrow()
                        .waiting()
                        .orElseThrow()
                        .waitingOn())
                .isEqualTo("1 of security or payments-owners");
    }

    @Test
    void onlyAPersonBreakGlassAllowsMayFileAnEmergencyAndNothingIsSaved() {
        List<RoleRequestSummary> before =
                requests.list(CAROL, null, null, null, 1).items();

        assertThatThrownBy(() -> requests.submit(emergency("svc-frank", RequestKind.CREATE, "INC-9"), FRANK))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems())
                                .contains(new FieldProblem("emergency", "you may not file emergency requests")));
        assertThatThrownBy(() -> requests.submit(emergency("svc-bob", RequestKind.CREATE, "INC-9"), BOB))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(fields(e)).containsExactly("emergency"));

        assertThat(requests.list(CAROL, null, null, null, 1).items()).isEqualTo(before);
    }

    @Test
    void anEmergencyNeedsAReasonAndIsACreateOrAChange() {
        assertThatThrownBy(() -> requests.submit(emergency("svc-no-reason", RequestKind.CREATE, "  "), ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(fields(e)).containsExactly("emergencyReason"));
        assertThatThrownBy(() -> requests.submit(emergency("svc-delete", RequestKind.DELETE, "INC-10"), ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(fields(e)).contains("emergency"));
    }

    @Test
    void aBlockingFindingStillStopsAnEmergency() {
        RoleSpec anyWorkflow = new RoleSpec(
                RoleSpecs.ACCOUNT,
                "gh-emergency",
                "/",
                null,
                RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                 "Action":"sts:AssumeRoleWithWebIdentity",
                 "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}"""),
                List.of(),
                Map.of(),
                null,
                3600,
                Map.of(),
                null);
        SubmitRoleRequest command =
                new SubmitRoleRequest(anyWorkflow, "deploys", Map.of(), RequestKind.CREATE, true, "INC-11");

        assertThatThrownBy(() -> requests.submit(command, ALICE))
                .isInstanceOfSatisfying(
                        RoleSpecInvalidException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(
                                        problem -> assertThat(problem.message()).contains("trust-github-no-sub")));
    }
}
