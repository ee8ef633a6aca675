package dev.rolecall.request.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A position in a sorted inbox: the sort key of a row and its id, which together order every request
 * exactly. Written as {@code <rank>.<epoch microseconds, or "none">.<id>} in links.
 *
 * @param rank the risk order (CRITICAL 0 … not analysed 4) when sorting by risk, otherwise 0
 * @param time the creation time (by age or risk) or the due time (by SLA; {@code null}: nothing due)
 * @param id the request's id
 */
public record InboxCursor(int rank, @Nullable Instant time, UUID id) {

    private static final String NONE = "none";

    public InboxCursor {
        // PostgreSQL keeps microseconds; a position must compare like the stored row.
        time = time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Reads a position from a link.
     *
     * @throws IllegalArgumentException if the text is not a position
     */
    public static InboxCursor parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9]") || !parts[1].matches("none|-?[0-9]{1,19}")) {
            throw new IllegalArgumentException("not an inbox position: " + text);
        }
        UUID id = UUID.fromString(parts[2]);
        if (!id.toString().equals(parts[2].toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not an inbox position: " + text);
        }
        Instant time = parts[1].equals(NONE) ? null : Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
        return new InboxCursor(Integer.parseInt(parts[0]), time, id);
    }

    @Override
    public String toString() {
        String at = time == null ? NONE : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, time));
        return rank + "." + at + "." + id;
    }
}
