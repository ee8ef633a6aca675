package dev.rolecall.request.web;

import dev.rolecall.request.DecisionType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision, or a comment by a reviewer or the requester, as posted by the page or the API. Whether the comment is required is the
 * request's rule ({@link DecisionType#needsComment}), checked when the decision is recorded.
 *
 * @param version the request version the reviewer read (pages send it; optional in the API)
 */
record DecisionForm(
        @NotNull(message = "Choose comment, approve, request changes or reject") @Nullable
        DecisionType decision,

        @Size(max = DecisionForm.MAX_COMMENT, message = "Comment must be at most 4000 characters") @Nullable
        String comment,

        @Nullable Long version) {

    static final int MAX_COMMENT = 4000;
}
