package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.audit.chain.AuditChainKeys;
import dev.rolecall.audit.chain.AuditChainStore;
import dev.rolecall.audit.chain.ChainVerification;
import dev.rolecall.audit.chain.ChainVerifier;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sixteen writers appending at once do not fork the chain: every event follows exactly one other,
 * and the whole range verifies.
 */
@RolecallIntegrationTest
class AuditChainConcurrencyTests {

    private static final int WRITERS = 16;
    private static final int EVENTS_EACH = 40;

    @Autowired
    AuditService audit;

    @Autowired
    AuditChainStore store;

    @Autowired
    AuditChainKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void sixteenParallelWritersKeepOneChain() throws Exception {
        String run = "chain-" + UUID.randomUUID();
        long first = audit.record(run, "test.started", Map.of());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < EVENTS_EACH; i++) {
                    audit.record(run, "test.written", Map.of("writer", writer, "n", i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        long last = audit.record(run, "test.finished", Map.of());

        Integer events = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE actor = ? AND event_id BETWEEN ? AND ?",
                Integer.class,
                run,
                first,
                last);
        assertThat(events).isEqualTo(WRITERS * EVENTS_EACH + 2);
        Integer followers = jdbc.queryForObject(
                "SELECT count(*) FROM audit_event a JOIN audit_event b ON b.prev_hash = a.hash"
                        + " WHERE a.event_id BETWEEN ? AND ? AND b.event_id > a.event_id",
                Integer.class,
                first,
                last - 1);
        assertThat(followers)
                .as("each event but the last is followed by exactly one")
                .isEqualTo(events - 1);

        ChainVerification result = verify(first, last);
        assertThat(result.verified()).as("%s", result).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(events.longValue());
    }

    @Test
    void eachEventIsChainedToTheOneBeforeIt() {
        String run = "link-" + UUID.randomUUID();
        long one = audit.record(run, "test.one", Map.of());
        long two = audit.record(new AuditEntry(
                Instant.now(),
                run,
                "test.two",
                UUID.randomUUID(),
                "111122223333",
                "role-ñ",
                Map.of("note", "ünïcode")));
        byte[] hashOfOne = jdbc.queryForObject("SELECT hash FROM audit_event WHERE event_id = ?", byte[].class, one);
        byte[] prevOfTwo =
                jdbc.queryForObject("SELECT prev_hash FROM audit_event WHERE event_id = ?", byte[].class, two);
        assertThat(prevOfTwo).isEqualTo(hashOfOne).hasSize(32);
        assertThat(jdbc.queryForObject("SELECT chain_key_id FROM audit_event WHERE event_id = ?", String.class, two))
                .isEqualTo("test-1");
        assertThat(verify(one, two).verified()).isTrue();
    }

    private ChainVerification verify(long from, long to) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            ChainVerifier verifier = new ChainVerifier(keys, store.hashBefore(from), null);
            store.walk(from, to, verifier);
            return verifier.result(from, to, Instant.now());
        });
    }
}
