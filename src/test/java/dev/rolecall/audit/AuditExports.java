package dev.rolecall.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports over fixed events, for web slice tests that have no database: the rows are written as
 * PostgreSQL's COPY writes them (LF line ends, times as ISO text in UTC, formula cells already
 * neutralised) and go through the same {@link AuditCsvLines} as a real export.
 */
public final class AuditExports {

    private static final DateTimeFormatter COPY_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS'+00'").withZone(ZoneOffset.UTC);

    private static final CSVFormat COPY_CSV =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private AuditExports() {}

    public static AuditService.Export of(AuditFilter filter, Instant startedAt, List<AuditEvent> events) {
        AuditEventRepository repository = mock(AuditEventRepository.class);
        try {
            doAnswer(call -> {
                        AuditCsvLines lines = new AuditCsvLines(call.<OutputStream>getArgument(1));
                        Writer writer = new OutputStreamWriter(lines, StandardCharsets.UTF_8);
                        CSVPrinter printer = new CSVPrinter(writer, COPY_CSV);
                        for (AuditEvent event : events) {
                            printer.printRecord(
                                    event.eventId(),
                                    COPY_TIME.format(event.occurredAt()),
                                    cell(event.actor()),
                                    cell(event.action()),
                                    event.requestId() == null
                                            ? ""
                                            : event.requestId().toString(),
                                    cell(event.accountId()),
                                    cell(event.roleName()),
                                    cell(event.details()),
                                    event.prevHash() == null ? "" : event.prevHash(),
                                    event.hash() == null ? "" : event.hash());
                        }
                        printer.flush();
                        lines.flush();
                        return (long) events.size();
                    })
                    .when(repository)
                    .copyCsv(eq(filter), any(OutputStream.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new AuditService.Export(
                filter, startedAt, repository, new TransactionTemplate(mock(PlatformTransactionManager.class)));
    }

    private static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
