package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;

/**
 * The remembered reads of one request: a second read of the same id within the request is answered
 * without the repository; outside a request, after a delete and after the id changed, every read
 * reaches the repository.
 */
class SessionReadConfigurationTests {

    /** An in-memory repository that counts the reads reaching it. */
    static class CountingRepository extends MapSessionRepository {

        final AtomicInteger reads = new AtomicInteger();

        CountingRepository() {
            super(new java.util.concurrent.ConcurrentHashMap<>());
        }

        @Override
        public @Nullable MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }
    }

    private final CountingRepository target = new CountingRepository();

    @SuppressWarnings("unchecked")
    private final SessionRepository<MapSession> sessions = remembering(target);

    @SuppressWarnings("unchecked")
    private static SessionRepository<MapSession> remembering(CountingRepository target) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new SessionReadConfiguration.RememberedReads());
        return (SessionRepository<MapSession>) proxy.getProxy();
    }

    private String saved() {
        MapSession session = sessions.createSession();
        session.setAttribute("user", "alice");
        sessions.save(session);
        return session.getId();
    }

    /** Runs {@code body} as the body of one request, inside the filter that scopes the reads. */
    private static void inOneRequest(Runnable body) throws Exception {
        SessionReadConfiguration.RememberedReads.scope(
                new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> body.run());
    }

    @Test
    void aSecondReadOfTheSameIdInOneRequestIsAnsweredWithoutTheRepository() throws Exception {
        String id = saved();

        inOneRequest(() -> {
            MapSession first = sessions.findById(id);
            MapSession second = sessions.findById(id);
            assertThat(second).isNotNull().isSameAs(first);
        });

        assertThat(target.reads).hasValue(1);
    }

    @Test
    void eachRequestAndEveryReadOutsideARequestReachTheRepository() throws Exception {
        String id = saved();

        inOneRequest(() -> sessions.findById(id));
        inOneRequest(() -> sessions.findById(id));
        sessions.findById(id);
        sessions.findById(id);

        assertThat(target.reads).hasValue(4);
    }

    @Test
    void aDeletedSessionIsReadAgainAndIsGone() throws Exception {
        String id = saved();

        inOneRequest(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
        });

        assertThat(target.reads).hasValue(2);
    }

    @Test
    void aSessionWhoseIdChangedIsNotHandedOutForTheOldId() throws Exception {
        String id = saved();

        inOneRequest(() -> {
            MapSession session = sessions.findById(id);
            assertThat(session).isNotNull();
            String changed = session.changeSessionId();
            sessions.save(session);

            assertThat(sessions.findById(id)).isNull();
            assertThat(sessions.findById(changed)).isNotNull();
        });

        assertThat(target.reads).hasValue(3);
    }

    @Test
    void aReadThatFoundNothingIsAskedAgain() throws Exception {
        inOneRequest(() -> {
            assertThat(sessions.findById("unknown")).isNull();
            assertThat(sessions.findById("unknown")).isNull();
        });

        assertThat(target.reads).hasValue(2);
    }
}
