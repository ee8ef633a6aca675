package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.TestDatabase;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database keeps the audit trail append-only even for the schema's owner, whose grants would
 * allow it: the trigger refuses. (The console's own role has no such grants at all:
 * {@link AuditEventPrivilegesTests}.)
 */
@RolecallIntegrationTest
class AuditEventRepositoryTests {

    @Autowired
    AuditEventRepository events;

    private final JdbcTemplate jdbc = asOwner();

    private String actor;
    private long id;

    @BeforeEach
    void recordOne() {
        actor = "append-only-" + UUID.randomUUID();
        id = events.insert(
                new AuditEntry(
                        Instant.parse("2026-11-28T10:15:30.123Z"), actor, "test.recorded", null, null, null, Map.of()),
                "{\"n\":1}");
    }

    @Test
    void refusesUpdate() {
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory' where event_id = ?", id))
                .isInstanceOf(DataIntegrityViolationException.class)
                .cause()
                .hasMessageContaining("audit_event is append-only");
        assertThat(actorOf(id)).isEqualTo(actor);
    }

    @Test
    void refusesDelete() {
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where event_id = ?", id))
                .isInstanceOf(DataIntegrityViolationException.class)
                .cause()
                .hasMessageContaining("audit_event is append-only");
        assertThat(actorOf(id)).isEqualTo(actor);
    }

    @Test
    void refusesDeleteEvenWhenNoRowMatches() {
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where event_id = -1"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .cause()
                .hasMessageContaining("audit_event is append-only");
    }

    @Test
    void refusesTruncate() {
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .cause()
                .hasMessageContaining("audit_event is append-only");
        assertThat(actorOf(id)).isEqualTo(actor);
    }

    @Test
    void refusesDetailsThatAreNotAJsonObject() {
        assertThatThrownBy(() -> events.insert(
                        new AuditEntry(Instant.now(), actor, "test.recorded", null, null, null, Map.of()), "[1,2]"))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void assignsIncreasingIdsAndKeepsMilliseconds() {
        long next = events.insert(
                new AuditEntry(
                        Instant.parse("2026-11-28T10:15:31.987654Z"),
                        actor,
                        "test.recorded",
                        null,
                        null,
                        null,
                        Map.of()),
                "{}");

        assertThat(next).isGreaterThan(id);
        assertThat(events.findPage(new AuditFilter(null, null, actor, null), null, null, 10))
                .extracting(AuditEvent::eventId, AuditEvent::occurredAt, AuditEvent::details)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(next, Instant.parse("2026-11-28T10:15:31.987Z"), "{}"),
                        org.assertj.core.groups.Tuple.tuple(
                                id, Instant.parse("2026-11-28T10:15:30.123Z"), "{\"n\":1}"));
    }

    private static JdbcTemplate asOwner() {
        TestDatabase.Connection database = TestDatabase.connection();
        return new JdbcTemplate(
                new DriverManagerDataSource(database.url(), database.ownerUsername(), database.ownerPassword()));
    }

    private String actorOf(long eventId) {
        return jdbc.queryForObject("select actor from audit_event where event_id = ?", String.class, eventId);
    }
}
