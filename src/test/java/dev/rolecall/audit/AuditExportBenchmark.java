package dev.rolecall.audit;

import static dev.rolecall.test.TestUsers.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.RolecallIntegrationTest;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Export throughput and heap while exporting, for a small and a large trail: if rows were
 * collected before writing, the peak heap would grow with the row count. Run with
 * {@code ./mvnw -Pbench test -Dtest=AuditExportBenchmark}.
 */
@RolecallIntegrationTest
class AuditExportBenchmark {

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exportTimeAndPeakHeapForGrowingTrails() throws Exception {
        for (int rows : new int[] {50_000, 500_000}) {
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
            long start = System.nanoTime();
            long written = audit.startExport(new AuditFilter(null, null, actor, null), "bench", CAROL)
                    .writeTo(out);
            long millis = (System.nanoTime() - start) / 1_000_000;
            running.set(false);
            sampler.join();

            assertThat(written).isEqualTo(rows);
            System.out.printf(
                    "audit export: %,d rows, %,d MB in %,d ms (%,d rows/s); heap peak above baseline %,d MB%n",
                    rows,
                    out.bytes / 1_000_000,
                    millis,
                    rows * 1000L / Math.max(1, millis),
                    (peak.get() - baseline) / 1_000_000);
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
