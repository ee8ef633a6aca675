package dev.rolecall.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list of requests, read by keyset: the rows after (or before) a {@link Key}, never
 * an offset, so a page costs the same wherever it is and stays put while new requests arrive.
 *
 * @param items the rows, in the list's order
 * @param older where the page of older requests starts, or {@code null} when there is none
 * @param newer where the page of newer requests starts, or {@code null} when there is none
 * @param count how many requests the list has, counted up to {@link #COUNT_LIMIT} + 1; {@code null} for
 *     lists that are not counted (a count of most of the table would cost more than the page)
 */
public record RoleRequestSlice(
        List<RoleRequestSummary> items,
        @Nullable Key older,
        @Nullable Key newer,
        @Nullable Long count) {

    /** Counting stops here: a larger list shows as "10,000+", so no page counts a whole table. */
    public static final int COUNT_LIMIT = 10_000;

    public RoleRequestSlice {
        items = List.copyOf(items);
    }

    /** An empty list. */
    public static RoleRequestSlice empty() {
        return new RoleRequestSlice(List.of(), null, null, 0L);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The count as a person reads it: "1,234", or "10,000+" above the limit; empty when not counted. */
    public String countText() {
        if (count == null) {
            return "";
        }
        return count > COUNT_LIMIT ? String.format("%,d+", COUNT_LIMIT) : String.format("%,d", count);
    }

    /**
     * A position in a list: the creation time and id of a request, which together order every
     * request exactly. Written as {@code <epoch microseconds>.<id>} in links.
     */
    public record Key(Instant createdAt, UUID id) {

        public Key {
            // PostgreSQL keeps microseconds; a key must compare like the stored row.
            createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        }

        /**
         * Reads a key from a link.
         *
         * @throws IllegalArgumentException if the text is not a key
         */
        public static Key parse(String text) {
            int dot = text.indexOf('.');
            if (dot < 1 || dot > 20 || text.length() != dot + 37) {
                throw new IllegalArgumentException("not a list position: " + text);
            }
            long micros = Long.parseLong(text.substring(0, dot));
            UUID id = UUID.fromString(text.substring(dot + 1));
            if (!id.toString().equals(text.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a list position: " + text);
            }
            return new Key(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        }

        @Override
        public String toString() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "." + id;
        }
    }
}
