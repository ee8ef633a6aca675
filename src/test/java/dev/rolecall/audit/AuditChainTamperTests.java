package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.audit.chain.ChainVerification;
import dev.rolecall.audit.chain.RecordedVerification;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whoever owns the database can get around the append-only trigger, but not around the chain: an
 * event edited, deleted, inserted or moved by the owner is the first that fails verification.
 */
@RolecallIntegrationTest
class AuditChainTamperTests {

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    private final long[] ids = new long[5];

    @BeforeEach
    void recordFive() {
        String actor = "tamper-" + UUID.randomUUID();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = audit.record(actor, "test.recorded", Map.of("n", i));
        }
    }

    @Test
    void anUntouchedRangeVerifies() {
        ChainVerification result = audit.verify(ids[0], ids[4], "test", CAROL);

        assertThat(result.verified()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.firstBrokenEventId()).isNull();
        assertThat(result.reason()).isNull();
    }

    @Test
    void anEditedEventIsTheFirstBroken() throws SQLException {
        asOwner("UPDATE audit_event SET actor = 'mallory' WHERE event_id = " + ids[2]);

        assertBrokenAt(ids[2], "hash-mismatch", 3);
    }

    @Test
    void editedDetailsAreFoundToo() throws SQLException {
        asOwner("UPDATE audit_event SET details = '{\"n\": 1}' WHERE event_id = " + ids[3]);

        assertBrokenAt(ids[3], "hash-mismatch", 4);
    }

    @Test
    void aDeletedEventBreaksTheLinkOfTheNext() throws SQLException {
        asOwner("DELETE FROM audit_event WHERE event_id = " + ids[2]);

        assertBrokenAt(ids[3], "link-broken", 3);
    }

    @Test
    void anInsertedEventDoesNotMatchAnyHashItCouldCarry() throws SQLException {
        asOwner("INSERT INTO audit_event (event_id, occurred_at, actor, action, details, chain_key_id, prev_hash, hash)"
                + " OVERRIDING SYSTEM VALUE SELECT nextval('audit_event_event_id_seq'), occurred_at, 'mallory',"
                + " 'request.approved', '{}', chain_key_id, hash, sha256(hash) FROM audit_event WHERE event_id = "
                + ids[4]);
        long forged = newest();

        ChainVerification result = audit.verify(ids[0], forged, "test", CAROL);

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(forged);
        assertThat(result.reason()).isEqualTo("hash-mismatch");
        assertThat(result.eventsChecked()).isEqualTo(6);
    }

    @Test
    void anEventInsertedWithoutAHashIsNotChained() throws SQLException {
        asOwner("INSERT INTO audit_event (occurred_at, actor, action) VALUES (now(), 'mallory', 'request.approved')");
        long forged = newest();

        ChainVerification result = audit.verify(ids[0], forged, "test", CAROL);

        assertThat(result.firstBrokenEventId()).isEqualTo(forged);
        assertThat(result.reason()).isEqualTo("not-chained");
    }

    @Test
    void twoEventsThatSwappedPlacesAreFound() throws SQLException {
        asOwner("UPDATE audit_event t SET occurred_at = s.occurred_at, details = s.details FROM audit_event s"
                + " WHERE (t.event_id, s.event_id) IN ((" + ids[1] + ", " + ids[2] + "), (" + ids[2] + ", " + ids[1]
                + "))");

        assertBrokenAt(ids[1], "hash-mismatch", 2);
    }

    @Test
    void theOutcomeIsRecordedAndReadBackForThePage() throws SQLException {
        asOwner("UPDATE audit_event SET actor = 'mallory' WHERE event_id = " + ids[2]);
        audit.verify(ids[0], ids[4], "test", CAROL);

        RecordedVerification last = audit.lastVerification(CAROL);

        assertThat(last).isNotNull();
        assertThat(last.actor()).isEqualTo("carol");
        assertThat(last.result().verified()).isFalse();
        assertThat(last.result().firstBrokenEventId()).isEqualTo(ids[2]);
        assertThat(last.result().reason()).isEqualTo("hash-mismatch");
        assertThat(last.result().fromEventId()).isEqualTo(ids[0]);
    }

    @Test
    void onlyAuditorsAndAdminsVerify() {
        assertThatThrownBy(() -> audit.verify(null, null, "test", ALICE)).isInstanceOf(AccessDeniedException.class);
    }

    private long newest() {
        Long newest = jdbc.queryForObject("SELECT max(event_id) FROM audit_event", Long.class);
        return newest == null ? 0 : newest;
    }

    private void assertBrokenAt(long eventId, String reason, long checked) {
        ChainVerification result = audit.verify(ids[0], ids[4], "test", CAROL);

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(eventId);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.eventsChecked()).isEqualTo(checked);
    }

    /** As the schema's owner, with the append-only trigger off for this one transaction. */
    private static void asOwner(String sql) throws SQLException {
        TestDatabase.Connection database = TestDatabase.connection();
        try (Connection owner = DriverManager.getConnection(
                        database.url(), database.ownerUsername(), database.ownerPassword());
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            statement.execute(sql);
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            owner.commit();
        }
    }
}
