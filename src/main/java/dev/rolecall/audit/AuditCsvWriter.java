package dev.rolecall.audit;

import dev.rolecall.audit.csv.CsvCells;
import java.io.Flushable;
import java.io.IOException;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes audit events as RFC 4180 CSV, one row at a time: comma-separated, CRLF line ends, cells
 * quoted when they hold a comma, quote or line break. Times are ISO-8601 UTC. A cell that a
 * spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage
 * return) is neutralised with a leading single quote.
 */
final class AuditCsvWriter implements Flushable {

    static final String[] HEADER = {
        "event_id", "occurred_at", "actor", "action", "request_id", "account_id", "role_name", "details"
    };

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private final CSVPrinter printer;

    /** Starts the file: writes the header line. */
    AuditCsvWriter(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    void write(AuditEvent event) throws IOException {
        printer.printRecord(
                Long.toString(event.eventId()),
                AuditTime.format(event.occurredAt()),
                cell(event.actor()),
                cell(event.action()),
                cell(event.requestId()),
                cell(event.accountId()),
                cell(event.roleName()),
                cell(event.details()));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    private static String cell(@Nullable UUID value) {
        return value == null ? "" : value.toString();
    }

    private static String cell(@Nullable String value) {
        return value == null ? "" : neutralise(value);
    }

    /** Prefixes a cell that a spreadsheet would evaluate with a single quote, so it stays text. */
    static String neutralise(String value) {
        return CsvCells.neutralise(value);
    }
}
