package dev.rolecall.audit.chain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the audit chain, or a range of it.
 *
 * @param verified whether every event checked verified
 * @param eventsChecked how many events were read, the broken one included
 * @param firstBrokenEventId the first event that did not verify; {@code null} when all did
 * @param reason why it did not: one of the {@code Reason} codes in lower case with dashes
 * @param fromEventId the first event id asked for, or {@code null} for the start of the trail
 * @param toEventId the last event id asked for, or {@code null} for the end of the trail
 * @param checkedAt when the walk ended
 */
public record ChainVerification(
        boolean verified,
        long eventsChecked,
        @Nullable Long firstBrokenEventId,
        @Nullable String reason,
        @Nullable Long fromEventId,
        @Nullable Long toEventId,
        Instant checkedAt) {

    /** Why an event does not verify. */
    public enum Reason {
        /** The event carries no hash: it was written around Rolecall. */
        NOT_CHAINED,
        /** Its key id names no configured key. */
        UNKNOWN_KEY,
        /** Its content or id does not match its hash: it was changed, inserted or moved. */
        HASH_MISMATCH,
        /** It verifies, but follows another event than the one before it: events before it were removed. */
        LINK_BROKEN,
        /** The latest signed checkpoint names this event, and it is gone or different: the trail was cut. */
        CHECKPOINT_MISMATCH,
        /** The latest checkpoint's signature does not verify. */
        CHECKPOINT_FORGED;

        /** E.g. {@code hash-mismatch}, as the API and the message keys write it. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
