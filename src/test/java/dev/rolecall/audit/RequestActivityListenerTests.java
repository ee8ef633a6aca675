package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Request activity reaches the audit trail in the transaction that made the change. */
@RolecallIntegrationTest
class RequestActivityListenerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RoleRequestService requests;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSubmittedRequestIsAuditedWithItsAccountRoleAndDetails() {
        RoleRequestView submitted = requests.submit(command("audit-listener-submit"), ALICE);
        UUID id = submitted.id().value();

        List<AuditEvent> events = eventsOf(id);

        assertThat(events)
                .extracting(AuditEvent::action)
                .containsExactly("request.submitted", "request.in_review", "request.stage_opened");
        AuditEvent first = events.get(0);
        assertThat(first.actor()).isEqualTo("alice");
        assertThat(first.accountId()).isEqualTo("111122223333");
        assertThat(first.roleName()).isEqualTo("audit-listener-submit");
        JsonNode details = JSON.readTree(first.details());
        assertThat(details.get("revision").asInt()).isEqualTo(1);
        assertThat(details.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(details.get("justification").asString()).isEqualTo("Deploys the payments service from CI");
        assertThat(events.get(1).actor()).isEqualTo("rolecall");
    }

    @Test
    void theAuditRowIsWrittenInsideTheChangingTransactionAndRollsBackWithIt() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        UUID[] id = new UUID[1];

        Integer seenInside = tx.execute(status -> {
            id[0] = requests.submit(command("audit-listener-rollback"), ALICE)
                    .id()
                    .value();
            Integer rows = countFor(id[0]);
            status.setRollbackOnly();
            return rows;
        });

        // Submitted, in review, and the opening of the route's first stage.
        assertThat(seenInside).isEqualTo(3);
        assertThat(countFor(id[0])).isZero();
        assertThat(jdbc.queryForObject("select count(*) from role_request where id = ?", Integer.class, id[0]))
                .isZero();
    }

    @Test
    void aDecisionIsAuditedWithTheReviewerAndComment() {
        RoleRequestId id =
                requests.submit(command("audit-listener-decision"), ALICE).id();

        requests.decide(id, null, DecisionType.REQUEST_CHANGES, "Narrow the trust policy, please", BOB);

        List<AuditEvent> events = eventsOf(id.value());
        assertThat(events)
                .extracting(AuditEvent::action)
                .containsExactly(
                        "request.submitted",
                        "request.in_review",
                        "request.stage_opened",
                        "request.decision",
                        "request.changes_requested");
        AuditEvent decision = events.get(3);
        assertThat(decision.actor()).isEqualTo("bob");
        JsonNode details = JSON.readTree(decision.details());
        assertThat(details.get("decision").asString()).isEqualTo("REQUEST_CHANGES");
        assertThat(details.get("comment").asString()).isEqualTo("Narrow the trust policy, please");
    }

    @Test
    void aCommentIsAuditedWithItsAuthorAndTextAndNoStatusChange() {
        RoleRequestId id =
                requests.submit(command("audit-listener-comment"), ALICE).id();

        requests.decide(id, null, DecisionType.COMMENT, "Which bucket does CI write to?", BOB);
        requests.decide(id, null, DecisionType.COMMENT, "payments-artifacts only", ALICE);

        List<AuditEvent> events = eventsOf(id.value());
        assertThat(events)
                .extracting(AuditEvent::action)
                .containsExactly(
                        "request.submitted",
                        "request.in_review",
                        "request.stage_opened",
                        "request.commented",
                        "request.commented");
        assertThat(events.subList(3, 5)).extracting(AuditEvent::actor).containsExactly("bob", "alice");
        JsonNode details = JSON.readTree(events.get(4).details());
        assertThat(details.get("comment").asString()).isEqualTo("payments-artifacts only");
        assertThat(details.get("revision").asInt()).isEqualTo(1);
        assertThat(details.has("status")).isFalse();
    }

    private List<AuditEvent> eventsOf(UUID requestId) {
        List<AuditEvent> newestFirst =
                new ArrayList<>(audit.find(new AuditFilter(null, null, null, requestId), null, null, 50, CAROL)
                        .events());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private Integer countFor(UUID requestId) {
        return jdbc.queryForObject("select count(*) from audit_event where request_id = ?", Integer.class, requestId);
    }

    static SubmitRoleRequest command(String roleName) {
        JsonNode trust = JSON.readTree("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""");
        RoleSpec spec = new RoleSpec(
                "111122223333",
                roleName,
                "/",
                "Audit trail test role",
                trust,
                List.of(),
                Map.of(),
                null,
                3600,
                Map.of("team", "payments"),
                null);
        return new SubmitRoleRequest(spec, "Deploys the payments service from CI", Map.of());
    }
}
