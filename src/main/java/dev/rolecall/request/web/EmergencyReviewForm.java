package dev.rolecall.request.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's close of an emergency's review after the fact, as the API takes it. Whether the
 * comment is required (to revoke) is the request's rule, checked when the review is recorded.
 */
record EmergencyReviewForm(
        @NotNull(message = "Choose CONFIRM or REVOKE") @Nullable
        Decision decision,

        @Size(max = DecisionForm.MAX_COMMENT, message = "Comment must be at most 4000 characters") @Nullable
        String comment) {

    /** What the reviewer decided. */
    enum Decision {
        /** Keep what was applied in the emergency. */
        CONFIRM,
        /** Undo it: the reviewer files the request that undoes the emergency next. */
        REVOKE
    }
}
