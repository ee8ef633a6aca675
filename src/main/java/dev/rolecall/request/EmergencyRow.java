package dev.rolecall.request;

import dev.rolecall.request.review.Emergency;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The emergency of a request as the repository reads it, without the rest of the aggregate. */
record EmergencyRow(UUID id, String reason, Emergency.@Nullable Review review) {

    Emergency emergency() {
        return new Emergency(reason, review);
    }
}
