package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Export throughput and heap while exporting, for a small and a large trail: if rows were
 * collected before writing, the peak heap would grow with the row count. Next to each, PostgreSQL's
 * own {@code COPY (SELECT <the table's columns> …) TO STDOUT (FORMAT csv)} of the same rows into the
 * same kind of sink, and the export's rate as a share of it (best of two runs each). Run with
 * {@code ./mvnw -Pbench test -Dtest=AuditExportBenchmark}.
 */
@RolecallIntegrationTest
class AuditExportBenchmark {

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void exportTimeAndPeakHeapForGrowingTrails() throws Exception {
        for (int rows : new int[] {100_000, 1_000_000}) {
            String actor = "bench-" + UUID.randomUUID();
            jdbc.update("""
                    insert into audit_event (occurred_at, actor, action, request_id, account_id, role_name, details)
                    select timestamptz '2026-01-01T00:00:00Z' + n * interval '1 second', ?, 'apply.step',
                           gen_random_uuid(), '111122223333', 'role-' || n,
                           '{"call":"PutRolePolicy","parameters":{"RoleName":"role-' || n
                               || '","PolicyName":"read","PolicyDocument":"{\\"Version\\":\\"2012-10-17\\"}"},"status":"SUCCEEDED"}'
                    from generate_series(1, ?) as n""", actor, rows);
            System.gc();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            CountingStream out = new CountingStream();
            long millis = Long.MAX_VALUE;
            long copyMillis = Long.MAX_VALUE;
            for (int run = 0; run < 2; run++) {
                copyMillis = Math.min(copyMillis, plainCopy(actor, rows));
                out = new CountingStream();
                long start = System.nanoTime();
                long written = audit.startExport(new AuditFilter(null, null, actor, null), "bench", CAROL)
                        .writeTo(out);
                millis = Math.min(millis, (System.nanoTime() - start) / 1_000_000);
                assertThat(written).isEqualTo(rows);
            }
            running.set(false);
            sampler.join();

            System.out.printf(
                    "audit export: %,d rows, %,d MB in %,d ms (%,d rows/s); heap peak above baseline %,d MB%n",
                    rows,
                    out.bytes / 1_000_000,
                    millis,
                    rows * 1000L / Math.max(1, millis),
                    (peak.get() - baseline) / 1_000_000);
            System.out.printf(
                    "PostgreSQL COPY TO STDOUT CSV: %,d rows in %,d ms (%,d rows/s); export at %.2fx COPY's rate%n",
                    rows,
                    copyMillis,
                    rows * 1000L / Math.max(1, copyMillis),
                    (double) copyMillis / Math.max(1, millis));
        }
    }

    /** PostgreSQL's own CSV of the same rows, through the same driver into a counting sink; its time in ms. */
    private long plainCopy(String actor, int rows) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            long start = System.nanoTime();
            long copied = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "COPY (SELECT event_id, occurred_at, actor, action, request_id, account_id, role_name, details"
                                    + " FROM audit_event WHERE actor = " + AuditCsv.quoted(actor)
                                    + " ORDER BY event_id) TO STDOUT WITH (FORMAT csv)",
                            new CountingStream());
            assertThat(copied).isEqualTo(rows);
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static final class CountingStream extends OutputStream {

        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
