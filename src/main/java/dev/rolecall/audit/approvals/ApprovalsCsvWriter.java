package dev.rolecall.audit.approvals;

import dev.rolecall.audit.csv.CsvCells;
import java.io.Flushable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes decisions as RFC 4180 CSV, one row at a time, like the audit CSV: times ISO-8601 UTC,
 * cells a spreadsheet would run as a formula neutralised. The time to decide is in whole seconds,
 * empty when the trail does not hold the revision's filing.
 */
final class ApprovalsCsvWriter implements Flushable {

    static final String[] HEADER = {
        "request_id", "revision", "stage", "reviewer", "decision", "filed_at", "decided_at", "time_to_decide_seconds"
    };

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private final CSVPrinter printer;

    ApprovalsCsvWriter(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    void write(ApprovalRow row) throws IOException {
        Duration took = row.timeToDecide();
        printer.printRecord(
                row.requestId().toString(),
                Integer.toString(row.revision()),
                Integer.toString(row.stage()),
                CsvCells.neutralise(row.reviewer()),
                CsvCells.neutralise(row.decision()),
                time(row.filedAt()),
                time(row.decidedAt()),
                took == null ? "" : Long.toString(took.toSeconds()));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
