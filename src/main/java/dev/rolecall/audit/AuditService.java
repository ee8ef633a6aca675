package dev.rolecall.audit;

import dev.rolecall.identity.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
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

    private final AuditEventRepository events;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditService(AuditEventRepository events, Clock clock, PlatformTransactionManager transactions) {
        this.events = events;
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

    /**
     * One page of the events that match, newest first.
     *
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    @Transactional(readOnly = true)
    public Page<AuditEvent> find(AuditFilter filter, Pageable page, CurrentUser reader) {
        requireReader(reader);
        long total = events.count(filter);
        List<AuditEvent> content = total == 0 || page.getOffset() >= total
                ? List.of()
                : events.findNewestFirst(filter, page.getOffset(), page.getPageSize());
        return new PageImpl<>(content, page, total);
    }

    /**
     * Starts an export of the events that match: checks the reader and records an
     * {@value #EXPORTED} event with the filter, before a single row is written.
     *
     * @param channel where the export was asked for, e.g. {@code ui} or {@code api}
     * @throws AccessDeniedException unless the reader is an auditor or admin
     */
    public AuditExport startExport(AuditFilter filter, String channel, CurrentUser reader) {
        requireReader(reader);
        AuditExport export = new AuditExport(filter, clock.instant(), events, readOnly);
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

    private static void requireReader(CurrentUser reader) {
        if (!reader.canReadAudit()) {
            throw new AccessDeniedException("only auditors and admins read the audit trail");
        }
    }
}
