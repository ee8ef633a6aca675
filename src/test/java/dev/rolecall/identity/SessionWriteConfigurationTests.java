package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session table on real PostgreSQL: a request that only moves the access time by less than a
 * minute writes nothing; an older access time, a new session id or a new attribute is written.
 */
@RolecallIntegrationTest
class SessionWriteConfigurationTests {

    @Autowired
    JdbcIndexedSessionRepository repository;

    @Autowired
    DataSource dataSource;

    /** The repository as the session filter uses it, whose session type is private to Spring Session. */
    @SuppressWarnings("unchecked")
    private SessionRepository<Session> sessions() {
        return (SessionRepository<Session>) (SessionRepository<?>) repository;
    }

    private long storedAccessTime(String sessionId) {
        return JdbcClient.create(dataSource)
                .sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }

    private String saved(Instant lastAccess) {
        Session session = sessions().createSession();
        session.setLastAccessedTime(lastAccess);
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        sessions().save(session);
        return session.getId();
    }

    private Session accessedAt(String id, Instant when) {
        Session session = sessions().findById(id);
        assertThat(session).isNotNull();
        session.setLastAccessedTime(when);
        return session;
    }

    @Test
    void anAccessWithinAMinuteOfTheStoredOneWritesNothingAndALaterOneIsWritten() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = saved(start);

        sessions().save(accessedAt(id, start.plusSeconds(59)));
        assertThat(storedAccessTime(id)).isEqualTo(start.toEpochMilli());

        sessions().save(accessedAt(id, start.plusSeconds(60)));
        assertThat(storedAccessTime(id)).isEqualTo(start.plusSeconds(60).toEpochMilli());
    }

    @Test
    void aNewSessionIdAndANewAttributeAreWrittenAtOnce() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = saved(start);

        Session session = accessedAt(id, start.plusSeconds(1));
        String changed = session.changeSessionId();
        session.setAttribute("note", "kept");
        sessions().save(session);

        assertThat(sessions().findById(id)).isNull();
        Session read = sessions().findById(changed);
        assertThat(read).isNotNull();
        assertThat(read.<String>getAttribute("note")).isEqualTo("kept");
        assertThat(storedAccessTime(changed)).isEqualTo(start.plusSeconds(1).toEpochMilli());
    }

    @Test
    void aNewIdleTimeoutIsWrittenAtOnce() {
        Session session = sessions().findById(saved(Instant.now()));
        assertThat(session).isNotNull();
        session.setMaxInactiveInterval(Duration.ofMinutes(5));
        sessions().save(session);
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?")
                        .param(session.getId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(300);
    }

    @Test
    void twoRequestsAddingTheSameAttributeBothSucceedAndTheLaterValueStays() {
        String id = saved(Instant.now());
        Session first = sessions().findById(id);
        Session second = sessions().findById(id);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        first.setAttribute("token", "first");
        second.setAttribute("token", "second");

        sessions().save(first);
        sessions().save(second);

        Session read = sessions().findById(id);
        assertThat(read).isNotNull();
        assertThat(read.<String>getAttribute("token")).isEqualTo("second");
    }
}
