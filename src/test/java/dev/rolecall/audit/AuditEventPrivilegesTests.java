package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's own database role cannot get around the append-only audit trail: it owns nothing,
 * so it can neither switch off nor drop the trigger, nor skip triggers, nor change rows itself.
 */
@RolecallIntegrationTest
class AuditEventPrivilegesTests {

    @Autowired
    AuditEventRepository events;

    @Autowired
    JdbcTemplate jdbc;

    private String actor;
    private long id;

    @BeforeEach
    void recordOne() {
        actor = "privileges-" + UUID.randomUUID();
        id = events.insert(new AuditEntry(Instant.now(), actor, "test.recorded", null, null, null, Map.of()), "{}");
    }

    @Test
    void cannotDisableTheTrigger() {
        assertRefused("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only", "must be owner");
        assertRefused("ALTER TABLE audit_event DISABLE TRIGGER ALL", "must be owner");
        assertThat(triggerEnabled()).isEqualTo("O");
    }

    @Test
    void cannotDropTheTriggerOrItsFunction() {
        assertRefused("DROP TRIGGER audit_event_append_only ON audit_event", "must be owner");
        assertRefused("DROP FUNCTION audit_event_refuse_change() CASCADE", "must be owner");
        assertThat(triggerEnabled()).isEqualTo("O");
    }

    @Test
    void cannotSkipTriggersWithReplicationRole() {
        assertRefused("SET session_replication_role = replica", "permission denied to set parameter");
        assertRefused("DELETE FROM audit_event WHERE event_id = " + id, "permission denied for table audit_event");
        assertThat(jdbc.queryForObject("SHOW session_replication_role", String.class))
                .isEqualTo("origin");
        assertThat(actorOf(id)).isEqualTo(actor);
    }

    @Test
    void cannotUpdateDeleteOrTruncate() {
        assertRefused(
                "UPDATE audit_event SET actor = 'mallory' WHERE event_id = " + id,
                "permission denied for table audit_event");
        assertRefused("DELETE FROM audit_event WHERE event_id = " + id, "permission denied for table audit_event");
        assertRefused("TRUNCATE audit_event", "permission denied for table audit_event");
        assertThat(actorOf(id)).isEqualTo(actor);
    }

    @Test
    void ownsNothingAndCannotCreateTables() {
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM pg_proc WHERE proowner = current_user::regrole", Integer.class))
                .isZero();
        assertRefused("CREATE TABLE mine (id int)", "permission denied for schema public");
        assertRefused("ALTER TABLE role_request ADD COLUMN smuggled text", "must be owner");
    }

    private void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> jdbc.execute(sql))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining(message);
    }

    private String triggerEnabled() {
        return jdbc.queryForObject(
                "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_event_append_only'", String.class);
    }

    private String actorOf(long eventId) {
        return jdbc.queryForObject("SELECT actor FROM audit_event WHERE event_id = ?", String.class, eventId);
    }
}
