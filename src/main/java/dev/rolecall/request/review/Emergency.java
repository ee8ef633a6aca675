package dev.rolecall.request.review;

import org.jspecify.annotations.Nullable;

/**
 * A request filed as an emergency (break-glass): applied at once, reviewed after the fact.
 *
 * @param reason why it could not wait, in the filer's words
 * @param review how the review after the fact ended; null while it waits
 */
public record Emergency(String reason, @Nullable Review review) {

    /** How a review after the fact ends. */
    public enum Review {
        /** A reviewer confirmed what was applied in the emergency. */
        CONFIRMED,
        /** A reviewer revoked it: the request that undoes it is filed next. */
        REVOKED
    }

    /** Whether the review after the fact still waits for a reviewer. */
    public boolean awaitsReview() {
        return review == null;
    }

    /** WAITING, CONFIRMED or REVOKED, as the JSON API and the pages name the review's state. */
    public String reviewState() {
        return review == null ? "WAITING" : review.name();
    }
}
