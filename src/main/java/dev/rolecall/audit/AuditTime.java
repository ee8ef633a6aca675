package dev.rolecall.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How the audit trail writes times: ISO-8601 in UTC, to the millisecond. */
final class AuditTime {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AuditTime() {}

    /** E.g. {@code 2026-11-28T10:15:30.123Z}. */
    static String format(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** E.g. {@code 20261128T101530Z}, for file names. */
    static String compact(Instant instant) {
        return COMPACT.format(instant);
    }

    /** The precision the trail keeps. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
