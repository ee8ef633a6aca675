package dev.rolecall.notification;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rolecall.inventory.events.RoleExpired;
import dev.rolecall.inventory.events.RoleExpiringSoon;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.events.RoleRequestRef;
import dev.rolecall.request.events.RoleRequestStageOpened;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.RolecallIntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request events reach the security group's email and webhook and the requester's inbox, once
 * each, through a real SMTP server (GreenMail) and a real HTTP server, both on the loopback
 * interface; a webhook that is down delays its message and never a decision.
 */
@RolecallIntegrationTest
class NotificationsIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SECURITY_MAIL = "security@rolecall.example";
    private static final String PROD = "444455556666";

    private static final int SMTP_PORT = freePort();

    /** One SMTP server for the class: messages of earlier tests stay, so each test looks for its own. */
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private static final WebhookReceiver HOOKS = new WebhookReceiver();

    @Autowired
    RoleRequestService requests;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("rolecall.public-url", () -> "https://rolecall.test/");
        registry.add("rolecall.notifications.from", () -> "rolecall@rolecall.example");
        registry.add("rolecall.notifications.channels.security.emails[0]", () -> SECURITY_MAIL);
        registry.add("rolecall.notifications.channels.security.webhook", () -> HOOKS.url("security"));
        registry.add("rolecall.routing.groups.nightly[0]", () -> "erin");
        registry.add("rolecall.notifications.channels.nightly.webhook", () -> HOOKS.url("nightly"));
        registry.add("rolecall.notifications.channels.nightly.digest", () -> "true");
        registry.add("rolecall.notifications.retry-delay", () -> "1s");
        registry.add("rolecall.provisioning.jobs.polling-interval", () -> "500ms");
    }

    @AfterAll
    static void stopHooks() {
        HOOKS.close();
    }

    @Test
    void eachStageTellsItsGroupsOnceAndTheDecisionsAndOutcomeReachTheRequester() throws Exception {
        RoleRequestView filed = submit("notify-reader");
        String link = "https://rolecall.test/requests/" + filed.id().value();

        MimeMessage review = awaitMail(SECURITY_MAIL, "Review needed: role notify-reader in account " + PROD);
        assertThat(review.getFrom()[0].toString()).isEqualTo("rolecall@rolecall.example");
        assertThat(GreenMailUtil.getBody(review)).contains("waits for your group's review (stage 1)", link);
        await().atMost(PATIENCE).until(() -> hooksAbout("notify-reader").size() == 1);
        assertThat(hooksAbout("notify-reader").get(0))
                .startsWith("{\"text\":\"Review needed: role notify-reader in account " + PROD)
                .contains(link);

        RoleRequestView afterBob = requests.decide(filed.id(), null, DecisionType.APPROVE, "fine", BOB);
        int stages = 1;
        if (afterBob.status() == RoleRequestStatus.IN_REVIEW) {
            // Stage 2 waits for the account's owners (erin), who have no channel: erin's own address.
            MimeMessage owners =
                    awaitMail("erin@rolecall.example", "Review needed: role notify-reader in account " + PROD);
            assertThat(GreenMailUtil.getBody(owners)).contains("(stage 2)", link);
            requests.decide(filed.id(), null, DecisionType.APPROVE, "fine", ERIN);
            stages = 2;
        }

        MimeMessage approved = awaitMail("alice@rolecall.example", "Approved: role notify-reader in account " + PROD);
        assertThat(GreenMailUtil.getBody(approved)).contains("approved your request", link);
        MimeMessage planned =
                awaitMail("alice@rolecall.example", "Plan recorded: role notify-reader in account " + PROD);
        assertThat(GreenMailUtil.getBody(planned)).contains("nothing was sent to AWS", link);
        assertThat(mailsWithSubject("Review needed: role notify-reader")).hasSize(stages);
        assertThat(JdbcClient.create(dataSource)
                        .sql(
                                "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'request.stage_opened'")
                        .param(filed.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(stages);
    }

    @Test
    void anEmergencyTellsSecurityItWasAppliedAndIsReviewedAfterTheFact() {
        RoleSpec spec = RoleSpecs.valid("notify-emergency");
        RoleRequestView filed = requests.submit(
                new SubmitRoleRequest(
                        spec,
                        "CI deploys",
                        Map.of(),
                        dev.rolecall.request.RequestKind.CREATE,
                        true,
                        "INC-5: deploys down"),
                ALICE);

        MimeMessage notice = awaitMail(
                SECURITY_MAIL,
                "EMERGENCY applied, review after the fact: role notify-emergency in account " + spec.accountId());
        assertThat(GreenMailUtil.getBody(notice))
                .contains("emergency: applied, review after the fact", "/requests/" + filed.id());
        assertThat(mailsWithSubject("Review needed: role notify-emergency")).isEmpty();
    }

    @Test
    void theSameEventDeliveredAgainIsNotToldAgain() {
        RoleRequestView filed = submit("notify-twice");
        Instant due = Instant.parse("2026-12-24T18:00:00Z");
        RoleRequestStageOpened opened = new RoleRequestStageOpened(ref(filed), 9, List.of("security"), 1, due);
        String key = "review:" + filed.id().value() + ":9:" + due.toEpochMilli();
        List<String> sent = List.of("group:security EMAIL sent", "group:security WEBHOOK sent");

        transactions.executeWithoutResult(status -> events.publishEvent(opened));
        await().atMost(PATIENCE).until(() -> rows(key), found -> found.containsAll(sent));
        transactions.executeWithoutResult(status -> events.publishEvent(opened));
        await().atMost(PATIENCE).until(() -> handled(ref(filed).id().value().toString(), 2));

        assertThat(rows(key)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(hooksAbout("(stage 9)")).hasSize(1);
    }

    @Test
    void aWebhookThatIsDownNeverBlocksTheDecisionAndItsMessageIsRetriedUntilItIsUp() {
        HOOKS.down(true);
        String key;
        try {
            RoleRequestView filed = submit("notify-while-down");
            RoleRequestView decided = requests.decide(filed.id(), null, DecisionType.APPROVE, "fine", BOB);
            // The decision committed, whatever the webhook does.
            assertThat(requests.get(filed.id(), BOB).decisions())
                    .extracting(RoleRequestView.DecisionView::reviewer, RoleRequestView.DecisionView::decision)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", DecisionType.APPROVE));
            assertThat(decided.status()).isNotEqualTo(RoleRequestStatus.SUBMITTED);
            key = "review:" + filed.id().value() + ":1:%";

            await().atMost(PATIENCE).until(() -> failures(key) >= 2);
            assertThat(lastError(key)).isEqualTo("webhook answered HTTP 500");
            assertThat(hooksAbout("notify-while-down")).isEmpty();
        } finally {
            HOOKS.down(false);
        }
        await().atMost(PATIENCE).until(() -> hooksAbout("notify-while-down").size() == 1);
        await().atMost(PATIENCE).until(() -> rows(key).contains("group:security WEBHOOK sent"));
    }

    @Test
    void aDigestChannelGetsOneMessageWithEverythingItWaitsFor() {
        RoleRequestView first = submit("notify-digest-a");
        RoleRequestView second = submit("notify-digest-b");
        transactions.executeWithoutResult(status -> {
            for (RoleRequestView filed : List.of(first, second)) {
                notifier.notify(
                        Notice.of(NoticeKind.SLA_PASSED, ref(filed), 1, "rolecall", "1"),
                        List.of(Audience.group("nightly")));
            }
        });
        assertThat(hooksAbout("Review overdue: role notify-digest")).isEmpty();

        delivery.deliverDigest(
                Audience.group("nightly"), Medium.WEBHOOK, Instant.now().plusSeconds(1));

        assertThat(hooksAbout("Review overdue: role notify-digest"))
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .contains(
                                "Rolecall: 2 notifications today",
                                "Review overdue: role notify-digest-a",
                                "Review overdue: role notify-digest-b"));
        delivery.deliverDigest(
                Audience.group("nightly"), Medium.WEBHOOK, Instant.now().plusSeconds(1));
        assertThat(hooksAbout("Review overdue: role notify-digest")).hasSize(1);
    }

    @Test
    void anExpiringRoleWarnsItsOwnerAndTheAccountsOwnersOnceWithTheLinkToExtendIt() {
        RoleRequestView filed = submit("notify-expiring");
        Instant expiry = Instant.parse("2026-12-24T18:00:00Z");
        String extend = "/requests/new?kind=CHANGE&account=" + PROD + "&role=notify-expiring&expiresAt="
                + expiry.plus(Duration.ofDays(7));
        RoleExpiringSoon expiring = new RoleExpiringSoon(
                Instant.now(),
                PROD,
                "notify-expiring",
                expiry,
                "payments",
                filed.id().value(),
                "/roles/" + PROD + "/notify-expiring",
                extend);
        String subject = "Expiring soon: role notify-expiring in account " + PROD;
        // The role's owner is who filed the request that applied it, as its submission told.
        await().atMost(PATIENCE)
                .until(() -> JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM notification_requester WHERE request_id = ?")
                        .param(filed.id().value())
                        .query(Integer.class)
                        .single()
                        .equals(1));

        // The same event twice, the second once the first was handled: two identical publications
        // completing at the same instant may both mark the same one done (the other is handed back
        // later by the resubmission job), which this test does not wait for.
        transactions.executeWithoutResult(status -> events.publishEvent(expiring));
        await().atMost(PATIENCE).until(() -> handled("RoleExpiringSoon", "notify-expiring") == 1);
        transactions.executeWithoutResult(status -> events.publishEvent(expiring));

        String body = GreenMailUtil.getBody(awaitMail("alice@rolecall.example", subject));
        assertThat(body)
                .contains("expires on 2026-12-24 18:00 UTC")
                .contains("https://rolecall.test" + extend)
                .contains("https://rolecall.test/roles/" + PROD + "/notify-expiring");
        // The prod account's owners (payments-owners: erin, no channel of their own) are its reviewers.
        assertThat(GreenMailUtil.getBody(awaitMail("erin@rolecall.example", subject)))
                .contains("https://rolecall.test" + extend);
        String key = "expiring:" + PROD + ":notify-expiring:" + expiry.toEpochMilli();
        await().atMost(PATIENCE).until(() -> handled("RoleExpiringSoon", "notify-expiring") == 2);
        assertThat(rows(key)).containsExactlyInAnyOrder("user:alice EMAIL sent", "group:payments-owners EMAIL sent");
        assertThat(mailsWithSubject(subject)).hasSize(2);
        assertThat(hooksAbout("Expiring soon: role notify-expiring")).isEmpty();
    }

    @Test
    void aRevokedRoleWithoutOwnersOrRequestTellsTheSecurityChannel() {
        String sandbox = "111122223333";
        Instant expiry = Instant.parse("2026-12-20T09:00:00Z");
        transactions.executeWithoutResult(status -> events.publishEvent(new RoleExpired(
                Instant.now(),
                sandbox,
                "notify-expired",
                expiry,
                null,
                null,
                "/roles/" + sandbox + "/notify-expired",
                "DETACH")));

        String subject = "Expired: role notify-expired in account " + sandbox;
        assertThat(GreenMailUtil.getBody(awaitMail(SECURITY_MAIL, subject)))
                .contains("kept without its permissions", "https://rolecall.test/roles/" + sandbox + "/notify-expired");
        await().atMost(PATIENCE).until(() -> hooksAbout(subject).size() == 1);
        String key = "expired:" + sandbox + ":notify-expired:" + expiry.toEpochMilli();
        await().atMost(PATIENCE).until(() -> rows(key), found -> !found.contains("group:security WEBHOOK waiting"));
        assertThat(rows(key)).containsExactlyInAnyOrder("group:security EMAIL sent", "group:security WEBHOOK sent");
    }

    /** How many deliveries of the inventory event about the role the role notice listener completed. */
    private int handled(String eventType, String roleName) {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%RoleNoticeListener%'"
                        + " AND event_type LIKE ? AND serialized_event LIKE ? AND completion_date IS NOT NULL")
                .params("%." + eventType, "%\"" + roleName + "\"%")
                .query(Integer.class)
                .single();
    }

    @Autowired
    Notifier notifier;

    @Autowired
    NotificationDelivery delivery;

    /** Files a request in the demo prod account: stage 1 needs security, stage 2 the account's owners. */
    private RoleRequestView submit(String roleName) {
        RoleSpec valid = RoleSpecs.valid(roleName);
        RoleSpec spec = new RoleSpec(
                PROD,
                valid.roleName(),
                valid.path(),
                valid.description(),
                valid.trustPolicy(),
                valid.managedPolicyArns(),
                valid.inlinePolicies(),
                valid.permissionsBoundaryArn(),
                valid.maxSessionDurationSeconds(),
                valid.tags(),
                valid.expiresAt());
        return requests.submit(new SubmitRoleRequest(spec, "CI deploys", Map.of()), ALICE);
    }

    private static RoleRequestRef ref(RoleRequestView filed) {
        return new RoleRequestRef(
                filed.id(), filed.spec().accountId(), filed.spec().roleName());
    }

    private static List<String> hooksAbout(String roleName) {
        return HOOKS.received().stream().filter(body -> body.contains(roleName)).toList();
    }

    private static MimeMessage awaitMail(String to, String subject) {
        return await().atMost(PATIENCE)
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessages())
                                .filter(message -> subjectOf(message).equals(subject) && isTo(message, to))
                                .findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    private static List<MimeMessage> mailsWithSubject(String prefix) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> subjectOf(message).startsWith(prefix))
                .toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows(String eventKey) {
        return JdbcClient.create(dataSource)
                .sql(
                        "SELECT audience || ' ' || medium || ' ' || CASE WHEN sent_at IS NULL THEN 'waiting' ELSE 'sent' END"
                                + " FROM notification WHERE event_key LIKE ?")
                .param(eventKey)
                .query(String.class)
                .list();
    }

    /** Whether the notification listener completed {@code times} openings of stage 9 of the request. */
    private boolean handled(String requestId, int times) {
        return JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%NotificationListener%'"
                                + " AND event_type LIKE '%RoleRequestStageOpened' AND serialized_event LIKE ?"
                                + " AND serialized_event LIKE '%\"stage\":9%'"
                                + " AND completion_date IS NOT NULL")
                        .param("%" + requestId + "%")
                        .query(Integer.class)
                        .single()
                == times;
    }

    private int failures(String eventKey) {
        return JdbcClient.create(dataSource)
                .sql("SELECT attempts FROM notification WHERE event_key LIKE ? AND medium = 'WEBHOOK'")
                .param(eventKey)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private String lastError(String eventKey) {
        return JdbcClient.create(dataSource)
                .sql("SELECT last_error FROM notification WHERE event_key LIKE ? AND medium = 'WEBHOOK'")
                .param(eventKey)
                .query(String.class)
                .single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
