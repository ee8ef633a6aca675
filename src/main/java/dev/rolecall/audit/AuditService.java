package dev.rolecall.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rolecall.audit.chain.AuditCheckpoints;
import dev.rolecall.audit.chain.ChainCheck;
import dev.rolecall.audit.chain.ChainVerification;
import dev.rolecall.audit.chain.CheckpointCsv;
import dev.rolecall.audit.chain.RecordedVerification;
import dev.rolecall.identity.CurrentUser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit module's façade. Any module records events here; auditors and admins read and export
 * them. Recording joins the caller's transaction, so an event commits or rolls back with the
 * change it describes. Every read checks that the caller may read the audit trail.
 */
@Service
public class AuditService {

    /** The action recorded for each export. */
    public static final String EXPORTED = "audit.exported";

    /** The action recorded for each verification of the chain. */
    public static final String VERIFIED = "audit.verified";

    private final AuditEventRepository events;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ChainCheck chain;
    private final AuditCheckpoints checkpoints;

    /**
     * The filters this console has seen match more than {@link #COUNT_LIMIT} events. The trail only
     * grows (V3: a trigger refuses UPDATE, DELETE and TRUNCATE, and the console's database user may
     * do none of them), so a filter past the limit stays past it, and its pages show "10,000+"
     * without counting 10,001 index entries again on every view. A count below the limit is made
     * on every view. Bounded, so that arbitrary filters cannot grow it without end.
     */
    private final Cache<AuditFilter, Boolean> pastCountLimit =
            Caffeine.newBuilder().maximumSize(10_000).build();

    AuditService(
            AuditEventRepository events,
            ChainCheck chain,
            AuditCheckpoints checkpoints,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.events = events;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Adds an event to the trail, in the caller's transaction if there is one.
     *
     * @return the event's id
     */
    @Transactional
    long record(AuditEntry entry) {
        return events.insert(entry, json.writeValueAsString(entry.details()));
    }

    /** Adds an event that concerns no request (a sign-in, a configuration change), happening now. */
    @Transactional
    public long record(String actor, String action, Map<String, ?> details) {
        return record(new AuditEntry(clock.instant(), actor, action, null, null, null, details));
    }

    /** Counting stops here: a larger match shows as "10,000+", so no page counts the whole trail. */
    public static final int COUNT_LIMIT = 10_000;

    /**
     * One page of the audit trail, newest first.
     *
     * @param events the events, newest first
     * @param older the {@code event_id} below which the next older page starts, or {@code null}
     * @param newer the {@code event_id} above which the newer page starts, or {@code null}
     * @param count how many events match, counted up to {@link #COUNT_LIMIT} + 1
     */
    public record EventPage(
            List<AuditEvent> events,
            @Nullable Long older,
            @Nullable Long newer,
            long count) {

        public EventPage {
            events = List.copyOf(events);
        }

        /** The count as a person reads it: "1,234", or "10,000+" above the limit. */
        public String countText() {
            return count > COUNT_LIMIT ? String.format("%,d+", COUNT_LIMIT) : String.format("%,d", count);
        }
    }

    /**
     * One page of the events that match, newest first, by position: the newest, or those just
     * older than {@code olderThan}, or those just newer than {@code newerThan}.
     *
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    @Transactional(readOnly = true)
    public EventPage find(
            AuditFilter filter, @Nullable Long olderThan, @Nullable Long newerThan, int size, CurrentUser reader) {
        requireReader(reader);
        List<AuditEvent> rows = new ArrayList<>(events.findPage(filter, olderThan, newerThan, size + 1));
        boolean more = rows.size() > size;
        boolean fromNewer = olderThan == null && newerThan != null;
        if (more) {
            // The extra row lies beyond the page: past its oldest end, or (read upwards) its newest.
            rows.remove(fromNewer ? 0 : size);
        }
        boolean olderExist = fromNewer || more;
        boolean newerExist = olderThan != null || (fromNewer && more);
        Long older = olderExist && !rows.isEmpty() ? rows.get(rows.size() - 1).eventId() : null;
        Long newer = newerExist && !rows.isEmpty() ? rows.get(0).eventId() : null;
        return new EventPage(rows, older, newer, countUpToLimit(filter));
    }

    /** How many events match, counted up to {@link #COUNT_LIMIT} + 1, or known to be past the limit. */
    private long countUpToLimit(AuditFilter filter) {
        if (pastCountLimit.getIfPresent(filter) != null) {
            return COUNT_LIMIT + 1;
        }
        long count = events.countUpTo(filter, COUNT_LIMIT + 1);
        if (count > COUNT_LIMIT) {
            pastCountLimit.put(filter, Boolean.TRUE);
        }
        return count;
    }

    /**
     * Starts an export of the events that match: checks the reader and records an
     * {@value #EXPORTED} event with the filter, before a single row is written.
     *
     * @param channel where the export was asked for, e.g. {@code ui} or {@code api}
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    public Export startExport(AuditFilter filter, String channel, CurrentUser reader) {
        requireReader(reader);
        Export export = new Export(filter, clock.instant(), events, readOnly);
        record(new AuditEntry(
                export.startedAt(),
                reader.username(),
                EXPORTED,
                null,
                null,
                null,
                Map.of("format", "csv", "channel", channel, "filter", filter.describe(), "file", export.filename())));
        return export;
    }

    /**
     * Walks the hash chain, or the events from {@code fromEventId} to {@code toEventId}, and
     * records an {@value #VERIFIED} event with the outcome, which the audit page shows.
     *
     * @param channel where the verification was asked for, e.g. {@code ui} or {@code api}
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    public ChainVerification verify(
            @Nullable Long fromEventId, @Nullable Long toEventId, String channel, CurrentUser reader) {
        requireReader(reader);
        ChainVerification result =
                Objects.requireNonNull(readOnly.execute(status -> chain.verify(fromEventId, toEventId)));
        record(new AuditEntry(
                result.checkedAt(),
                reader.username(),
                VERIFIED,
                null,
                null,
                null,
                Verifications.details(result, channel)));
        return result;
    }

    /**
     * Writes every signed checkpoint of the chain as CSV ({@link CheckpointCsv}), the companion of
     * the events CSV, after recording an {@value #EXPORTED} event for it.
     *
     * @param channel where the export was asked for, e.g. {@code ui} or {@code api}
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    public void exportCheckpoints(OutputStream out, String channel, CurrentUser reader) throws IOException {
        requireReader(reader);
        record(new AuditEntry(
                clock.instant(),
                reader.username(),
                EXPORTED,
                null,
                null,
                null,
                Map.of("format", "checkpoints-csv", "channel", channel)));
        try {
            readOnly.executeWithoutResult(status -> {
                try {
                    CheckpointCsv.write(checkpoints, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The latest recorded verification, with who asked for it, or {@code null} if the chain was
     * never verified. One statement, so no transaction of its own (the audit page reads it on every
     * view).
     *
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    public @Nullable RecordedVerification lastVerification(CurrentUser reader) {
        requireReader(reader);
        AuditEvent latest = events.latestVerification();
        return latest == null ? null : Verifications.read(latest);
    }

    private static void requireReader(CurrentUser reader) {
        if (!reader.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
    }

    /**
     * An audit CSV export that has been authorised and recorded, ready to write. PostgreSQL writes
     * the rows with COPY straight to the output, so memory stays flat whatever the row count.
     */
    public static final class Export {

        /** The media type of the file. */
        public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

        private final AuditFilter filter;
        private final Instant startedAt;
        private final AuditEventRepository events;
        private final TransactionTemplate readOnly;

        Export(AuditFilter filter, Instant startedAt, AuditEventRepository events, TransactionTemplate readOnly) {
            this.filter = filter;
            this.startedAt = startedAt;
            this.events = events;
            this.readOnly = readOnly;
        }

        public AuditFilter filter() {
            return filter;
        }

        Instant startedAt() {
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
            out.write(AuditCsv.HEADER.getBytes(StandardCharsets.UTF_8));
            try {
                Long rows = readOnly.execute(status -> {
                    try {
                        return events.copyCsv(filter, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.flush();
                return rows == null ? 0 : rows;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
