package dev.rolecall.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An audit CSV export that has been authorised and recorded, ready to write. Rows stream from a
 * database cursor straight to the output, so memory stays flat whatever the row count.
 */
public final class AuditExport {

    /** The media type of the file. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private static final int WRITE_BUFFER_CHARS = 16 * 1024;

    private final AuditFilter filter;
    private final Instant startedAt;
    private final AuditEventRepository events;
    private final TransactionTemplate readOnly;

    AuditExport(AuditFilter filter, Instant startedAt, AuditEventRepository events, TransactionTemplate readOnly) {
        this.filter = filter;
        this.startedAt = startedAt;
        this.events = events;
        this.readOnly = readOnly;
    }

    public AuditFilter filter() {
        return filter;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * The file name: the range in UTC, e.g. {@code rolecall-audit-20261101T000000Z-20261128T101530Z.csv};
     * without a lower bound it reads {@code all}, without an upper bound the time of the export.
     */
    public String filename() {
        String from = filter.from() == null ? "all" : AuditTime.compact(filter.from());
        String to = AuditTime.compact(filter.to() == null ? startedAt : filter.to());
        return "rolecall-audit-" + from + "-" + to + ".csv";
    }

    /**
     * Writes the header and every matching event, oldest first, as UTF-8 CSV, and flushes. Does
     * not close {@code out}.
     *
     * @return the number of events written
     */
    public long writeTo(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), WRITE_BUFFER_CHARS);
        AuditCsvWriter csv = new AuditCsvWriter(writer);
        long[] rows = {0};
        try {
            readOnly.executeWithoutResult(status -> events.forEachOldestFirst(filter, event -> {
                try {
                    csv.write(event);
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        writer.flush();
        return rows[0];
    }
}
