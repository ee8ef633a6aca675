package dev.rolecall.notification;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.events.RoleRequestRef;
import dev.rolecall.request.events.RoleRequestSubmitted;
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
    void aSubmissionTellsTheSecurityChannelByEmailAndWebhookOnceAndADecisionTellsTheRequester() throws Exception {
        RoleRequestView filed = submit("notify-reader");
        String link = "https://rolecall.test/requests/" + filed.id().value();

        MimeMessage review = awaitMail(SECURITY_MAIL, "Review needed: role notify-reader in account 111122223333");
        assertThat(review.getFrom()[0].toString()).isEqualTo("rolecall@rolecall.example");
        assertThat(GreenMailUtil.getBody(review)).contains("alice asks for role notify-reader", link);
        await().atMost(PATIENCE).until(() -> hooksAbout("notify-reader").size() == 1);
        assertThat(hooksAbout("notify-reader").get(0))
                .startsWith("{\"text\":\"Review needed: role notify-reader in account 111122223333")
                .contains(link);

        requests.decide(filed.id(), null, DecisionType.APPROVE, "fine", BOB);

        MimeMessage approved =
                awaitMail("alice@rolecall.example", "Approved: role notify-reader in account 111122223333");
        assertThat(GreenMailUtil.getBody(approved)).contains("bob approved your request", link);
        MimeMessage planned =
                awaitMail("alice@rolecall.example", "Plan recorded: role notify-reader in account 111122223333");
        assertThat(GreenMailUtil.getBody(planned)).contains("nothing was sent to AWS", link);
        assertThat(mailsWithSubject("Review needed: role notify-reader")).hasSize(1);
    }

    @Test
    void theSameEventDeliveredAgainIsNotToldAgain() {
        RoleRequestView filed = submit("notify-twice");
        String key = "review:" + filed.id().value() + ":1";
        List<String> sent = List.of("group:security EMAIL sent", "group:security WEBHOOK sent");
        await().atMost(PATIENCE).until(() -> rows(key), found -> found.containsAll(sent));

        transactions.executeWithoutResult(status -> events.publishEvent(
                new RoleRequestSubmitted(ref(filed), "alice", Instant.now(), 1, "delivered again")));
        await().atMost(PATIENCE).until(() -> handled("delivered again"));

        assertThat(rows(key)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(hooksAbout("notify-twice")).hasSize(1);
        assertThat(mailsWithSubject("Review needed: role notify-twice")).hasSize(1);
    }

    @Test
    void aWebhookThatIsDownNeverBlocksTheDecisionAndItsMessageIsRetriedUntilItIsUp() {
        HOOKS.down(true);
        String key;
        try {
            RoleRequestView filed = submit("notify-while-down");
            RoleRequestView approved = requests.decide(filed.id(), null, DecisionType.APPROVE, "fine", BOB);
            assertThat(approved.status()).isIn(RoleRequestStatus.APPROVED, RoleRequestStatus.APPLIED);
            key = "review:" + filed.id().value() + ":1";

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

    @Autowired
    Notifier notifier;

    @Autowired
    NotificationDelivery delivery;

    private RoleRequestView submit(String roleName) {
        return requests.submit(new SubmitRoleRequest(RoleSpecs.valid(roleName), "CI deploys", Map.of()), ALICE);
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
                                + " FROM notification WHERE event_key = ?")
                .param(eventKey)
                .query(String.class)
                .list();
    }

    /** Whether the notification listener completed its handling of the event whose text holds {@code marker}. */
    private boolean handled(String marker) {
        return JdbcClient.create(dataSource)
                        .sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%NotificationListener%'"
                                + " AND serialized_event LIKE ? AND completion_date IS NOT NULL")
                        .param("%" + marker + "%")
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private int failures(String eventKey) {
        return JdbcClient.create(dataSource)
                .sql("SELECT attempts FROM notification WHERE event_key = ? AND medium = 'WEBHOOK'")
                .param(eventKey)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private String lastError(String eventKey) {
        return JdbcClient.create(dataSource)
                .sql("SELECT last_error FROM notification WHERE event_key = ? AND medium = 'WEBHOOK'")
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
