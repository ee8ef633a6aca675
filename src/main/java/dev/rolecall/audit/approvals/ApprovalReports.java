package dev.rolecall.audit.approvals;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rolecall.audit.AuditFilter;
import dev.rolecall.audit.AuditService;
import dev.rolecall.identity.CurrentUser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long reviews take, for auditors and admins: the approvals CSV (every decision, its revision's
 * filing and the time between) and the median and 90th percentile per stage. Read from the audit
 * trail, so the report holds what the trail holds; every export is itself recorded there.
 */
@Service
public class ApprovalReports {

    /** The media type of the CSV file. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** How long the time to decide of one filter is reused: a summary, not a record, may lag that much. */
    static final Duration STAGE_TIMES_FRESHNESS = Duration.ofMinutes(1);

    private final ApprovalQueries queries;
    private final AuditService audit;

    /**
     * The time to decide per filter, shown on every view of the audit page with that filter: reused
     * for up to {@link #STAGE_TIMES_FRESHNESS} instead of read again per view.
     */
    private final Cache<AuditFilter, StageTimes> stageTimes = Caffeine.newBuilder()
            .expireAfterWrite(STAGE_TIMES_FRESHNESS)
            .maximumSize(1_000)
            .build();

    private final Clock clock;
    private final TransactionTemplate readOnly;

    ApprovalReports(ApprovalQueries queries, AuditService audit, Clock clock, PlatformTransactionManager transactions) {
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The median and 90th percentile time to decide per stage, of the latest
     * {@link StageTimes#DECISIONS_LIMIT} decisions that match, as of up to
     * {@link #STAGE_TIMES_FRESHNESS} ago.
     *
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    public StageTimes timesPerStage(AuditFilter filter, CurrentUser reader) {
        requireReader(reader);
        return stageTimes.get(
                filter,
                key -> Objects.requireNonNull(
                        readOnly.execute(status -> queries.timesPerStage(key, StageTimes.DECISIONS_LIMIT))));
    }

    /**
     * Checks the reader, records the export in the audit trail and returns the file to write.
     *
     * @param channel where the export was asked for, e.g. {@code ui}
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    public Export startExport(AuditFilter filter, String channel, CurrentUser reader) {
        requireReader(reader);
        Instant now = clock.instant();
        String from = filter.from() == null ? "all" : COMPACT.format(filter.from());
        String to = COMPACT.format(filter.to() == null ? now : filter.to());
        Export export = new Export(filter, "rolecall-approvals-" + from + "-" + to + ".csv");
        audit.record(
                reader.username(),
                AuditService.EXPORTED,
                Map.of(
                        "format",
                        "approvals-csv",
                        "channel",
                        channel,
                        "filter",
                        filter.describe(),
                        "file",
                        export.filename()));
        return export;
    }

    private static void requireReader(CurrentUser reader) {
        if (!reader.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the approvals report");
        }
    }

    /** An authorised, recorded approvals export: rows stream from a cursor, memory stays flat. */
    public final class Export {

        private final AuditFilter filter;
        private final String filename;

        private Export(AuditFilter filter, String filename) {
            this.filter = filter;
            this.filename = filename;
        }

        public String filename() {
            return filename;
        }

        /** Writes the header and every matching decision, oldest first, as UTF-8 CSV; does not close {@code out}. */
        public void writeTo(OutputStream out) throws IOException {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            ApprovalsCsvWriter csv = new ApprovalsCsvWriter(writer);
            try {
                readOnly.executeWithoutResult(status -> queries.forEachOldestFirst(filter, row -> {
                    try {
                        csv.write(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            csv.flush();
            writer.flush();
        }
    }
}
