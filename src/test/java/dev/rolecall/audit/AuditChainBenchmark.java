package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.audit.chain.AuditChainKeys;
import dev.rolecall.audit.chain.ChainVerification;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit chain's numbers: verification of a trail of 1,000,000 chained events (appended by
 * {@code bench/chain.sql}, the same SQL {@code bench/generate.sh} uses, so this also proves that SQL
 * writes a chain the console verifies), and the write rate of 16 concurrent writers through
 * {@link AuditService} (append lock, tail read, HMAC) next to the same rows inserted into a copy of
 * the table without the chain. Prints the machine's load ({@code uptime}) with each number. Run
 * with {@code ./mvnw -Pbench test -Dtest=AuditChainBenchmark}.
 */
@RolecallIntegrationTest
class AuditChainBenchmark {

    private static final int EVENTS = 1_000_000;
    private static final int WRITERS = 16;
    private static final int PER_WRITER = 500;

    @Autowired
    AuditService audit;

    @Autowired
    AuditChainKeys keys;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void verificationOfAMillionEventsAndTheWriteRateWithAndWithoutTheChain() throws Exception {
        System.out.println("BENCH load before: " + uptime());
        // From the first appended event on: other benchmarks in the same run write unchained rows.
        long from = jdbc.queryForObject("SELECT coalesce(max(event_id), 0) + 1 FROM audit_event", Long.class);
        long appendMillis = appendChained(EVENTS);
        System.out.printf(
                "BENCH chain.sql appended %,d chained events in %,d ms (%,.0f events/s)%n",
                EVENTS, appendMillis, EVENTS * 1000.0 / appendMillis);

        long start = System.nanoTime();
        ChainVerification result = audit.verify(from, null, "bench", CAROL);
        long verifyMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.verified()).as("the chain verifies: %s", result).isTrue();
        assertThat(result.eventsChecked()).isGreaterThanOrEqualTo(EVENTS);
        System.out.printf(
                "BENCH verification: %,d events in %,d ms (%,.0f events/s); load %s%n",
                result.eventsChecked(), verifyMillis, result.eventsChecked() * 1000.0 / verifyMillis, uptime());

        double chained = writeRate(() -> audit.record("bench-writer", "bench.write", Map.of("n", 1)));
        System.out.printf(
                "BENCH %d writers, chained (AuditService.record): %,.0f events/s; load %s%n",
                WRITERS, chained, uptime());
        createPlainCopy();
        double plain = writeRate(() -> jdbc.update(
                "INSERT INTO bench_audit_plain (occurred_at, actor, action, details) VALUES (now(), ?, ?, ?)",
                "bench-writer",
                "bench.write",
                "{\"n\":1}"));
        System.out.printf(
                "BENCH %d writers, same rows without the chain: %,.0f events/s; chain overhead %.0f %%; load %s%n",
                WRITERS, plain, 100.0 * (plain - chained) / plain, uptime());
        assertThat(audit.verify(from, null, "bench", CAROL).verified()).isTrue();
    }

    /** Appends {@code events} chained events through bench/chain.sql; the milliseconds it took. */
    private long appendChained(int events) throws Exception {
        String functions = Files.readString(Path.of("bench/chain.sql"));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(functions);
            statement.execute("""
                    CREATE TEMP TABLE bench_event ON COMMIT DROP AS
                    SELECT n AS seq, date_trunc('milliseconds', now() - make_interval(secs => (%d - n))) AS occurred_at,
                           'bench-' || (n %% 50) AS actor, 'apply.step' AS action, gen_random_uuid() AS request_id,
                           '111122223333' AS account_id, 'role-' || n AS role_name,
                           '{"call":"PutRolePolicy","parameters":{"RoleName":"role-' || n || '"},"status":"SUCCEEDED"}'
                               AS details
                    FROM generate_series(1, %d) AS n""".formatted(events, events));
            long start = System.nanoTime();
            try (ResultSet appended = statement.executeQuery("SELECT pg_temp.rolecall_append_chained(decode('"
                    + Base64.getEncoder().encodeToString(keys.current().getEncoded()) + "', 'base64'), '"
                    + keys.currentKeyId() + "')")) {
                appended.next();
                assertThat(appended.getLong(1)).isEqualTo(events);
            }
            connection.commit();
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** A copy of the audit table with its columns and indexes, without the chain's lock and hashes. */
    private static void createPlainCopy() throws Exception {
        TestDatabase.Connection database = TestDatabase.connection();
        try (Connection owner = DriverManager.getConnection(
                        database.url(), database.ownerUsername(), database.ownerPassword());
                Statement statement = owner.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_audit_plain");
            statement.execute("CREATE TABLE bench_audit_plain (LIKE audit_event INCLUDING ALL)");
            statement.execute("GRANT SELECT, INSERT ON bench_audit_plain TO " + database.username());
        }
    }

    /** Events per second of {@link #WRITERS} threads each writing {@link #PER_WRITER} events. */
    private static double writeRate(Callable<?> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int warm = 0; warm < 50; warm++) {
                write.call();
            }
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(() -> {
                    for (int i = 0; i < PER_WRITER; i++) {
                        write.call();
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
            return WRITERS * PER_WRITER * 1e9 / (System.nanoTime() - start);
        } finally {
            pool.shutdown();
        }
    }

    private static String uptime() {
        try {
            Process process =
                    new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes()).strip();
        } catch (java.io.IOException e) {
            return "uptime unavailable";
        }
    }
}
