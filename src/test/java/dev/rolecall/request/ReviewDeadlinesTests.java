package dev.rolecall.request;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rolecall.request.events.RoleRequestSlaPassed;
import dev.rolecall.request.review.StageView;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A stage still waiting when its SLA passes is marked overdue once, and its escalation is published. */
@RolecallIntegrationTest
@RecordApplicationEvents
class ReviewDeadlinesTests {

    @Autowired
    RoleRequestService requests;

    @Autowired
    RoleRequestRepository repository;

    @Autowired
    ApplicationEvents events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** The job as the scheduler runs it, in a transaction, with the clock at {@code now}. */
    private Run at(Instant now) {
        ReviewDeadlines deadlines = new ReviewDeadlines(repository, Clock.fixed(now, ZoneOffset.UTC), transactions);
        return () -> new TransactionTemplate(transactions).executeWithoutResult(status -> deadlines.markOverdue());
    }

    private interface Run {
        void markOverdue();
    }

    @Test
    void aWaitingStageIsMarkedOverdueOnceItsSlaHasPassed() {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(RoleSpecs.valid("svc-sla-passes"), "CI deploys", Map.of()), ALICE);
        StageView stage =
                requests.page(filed.id(), BOB).route().orElseThrow().waiting().orElseThrow();
        Instant due = stage.dueAt();
        assertThat(due).isNotNull();
        assertThat(Duration.between(stage.openedAt(), due)).isEqualTo(Duration.ofHours(24));

        at(due.minusSeconds(1)).markOverdue();
        assertThat(overdueAt(filed)).isNull();

        at(due.plusSeconds(1)).markOverdue();
        assertThat(overdueAt(filed)).isEqualTo(due.plusSeconds(1));
        at(due.plusSeconds(60)).markOverdue();
        assertThat(overdueAt(filed)).as("marked once").isEqualTo(due.plusSeconds(1));
        assertThat(events.stream(RoleRequestSlaPassed.class)
                        .filter(e -> e.ref().id().equals(filed.id())))
                .containsExactly(new RoleRequestSlaPassed(
                        new dev.rolecall.request.events.RoleRequestRef(filed.id(), RoleSpecs.ACCOUNT, "svc-sla-passes"),
                        1,
                        null));
    }

    @Test
    void aStageThatPassedInTimeIsNeverOverdue() {
        RoleRequestView filed =
                requests.submit(new SubmitRoleRequest(RoleSpecs.valid("svc-sla-met"), "CI deploys", Map.of()), ALICE);
        Instant due = requests.page(filed.id(), BOB)
                .route()
                .orElseThrow()
                .waiting()
                .orElseThrow()
                .dueAt();
        requests.decide(filed.id(), null, DecisionType.APPROVE, "ok", BOB);

        at(due.plus(Duration.ofDays(2))).markOverdue();

        assertThat(requests.page(filed.id(), ALICE)
                        .route()
                        .orElseThrow()
                        .stages()
                        .get(0)
                        .overdueAt())
                .isNull();
    }

    private Instant overdueAt(RoleRequestView filed) {
        return requests.page(filed.id(), ALICE)
                .route()
                .orElseThrow()
                .stages()
                .get(0)
                .overdueAt();
    }

    @Test
    void anEmergencyNobodyReviewsIsEscalatedToItsEscalationGroupWhenItsSlaPasses() {
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(
                        RoleSpecs.valid("svc-emergency-sla"),
                        "CI deploys",
                        Map.of(),
                        RequestKind.CREATE,
                        true,
                        "INC-12: deploys are down"),
                ALICE);
        StageView review =
                requests.page(filed.id(), BOB).route().orElseThrow().waiting().orElseThrow();
        Instant due = review.dueAt();
        assertThat(due).isNotNull();
        assertThat(Duration.between(review.openedAt(), due))
                .as("the demo's break-glass review SLA")
                .isEqualTo(Duration.ofHours(4));

        at(due.minusSeconds(1)).markOverdue();
        assertThat(overdueAt(filed)).isNull();
        // Another console's scheduler may be applying the emergency meanwhile: a run that meets it
        // leaves it for the next run, as the recurring job does.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            at(due.plusSeconds(1)).markOverdue();
            return overdueAt(filed) != null;
        });

        assertThat(overdueAt(filed)).isEqualTo(due.plusSeconds(1));
        assertThat(events.stream(RoleRequestSlaPassed.class)
                        .filter(e -> e.ref().id().equals(filed.id())))
                .containsExactly(new RoleRequestSlaPassed(
                        new dev.rolecall.request.events.RoleRequestRef(
                                filed.id(), RoleSpecs.ACCOUNT, "svc-emergency-sla"),
                        1,
                        "security"));
        assertThat(jdbc.queryForList(
                        "SELECT details FROM audit_event WHERE request_id = ? AND action = 'request.sla_passed'",
                        String.class,
                        filed.id().value()))
                .singleElement()
                .satisfies(details -> assertThat(details).contains("\"escalationGroup\":\"security\""));
    }
}
