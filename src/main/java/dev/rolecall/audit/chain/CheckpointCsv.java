package dev.rolecall.audit.chain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The checkpoints as RFC 4180 CSV, the companion of the audit CSV: keep both. Each row can be
 * checked against the events file (the event {@code last_event_id} carries {@code last_hash}, and
 * {@code event_count} events lead up to it) and, with the key, its signature.
 */
public final class CheckpointCsv {

    /** The media type of the file. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    static final String[] HEADER = {
        "checkpoint_id", "created_at", "last_event_id", "event_count", "last_hash", "key_id", "signature"
    };

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private CheckpointCsv() {}

    /** Writes the header and every checkpoint, oldest first; does not close {@code out}. */
    public static long write(AuditCheckpoints checkpoints, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(
                writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        long[] rows = {0};
        try {
            checkpoints.forEach(checkpoint -> {
                try {
                    printer.printRecord(
                            Long.toString(checkpoint.checkpointId()),
                            TIME.format(checkpoint.createdAt()),
                            Long.toString(checkpoint.lastEventId()),
                            Long.toString(checkpoint.eventCount()),
                            AuditChain.hex(checkpoint.lastHash()),
                            checkpoint.keyId(),
                            AuditChain.hex(checkpoint.signature()));
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
        writer.flush();
        return rows[0];
    }
}
