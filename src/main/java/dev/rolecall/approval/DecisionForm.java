package dev.rolecall.approval;

import dev.rolecall.request.DecisionType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision as posted by the page or the API.
 *
 * @param version the request version the reviewer read (pages send it; optional in the API)
 */
record DecisionForm(
        @NotNull(message = "Choose approve, request changes or reject") @Nullable
        DecisionType decision,

        @Size(max = 4000, message = "Comment must be at most 4000 characters") @Nullable
        String comment,

        @Nullable Long version) {

    /** Rejecting or asking for changes needs a reason the requester can act on. */
    boolean needsComment() {
        return decision != DecisionType.APPROVE && (comment == null || comment.isBlank());
    }
}
