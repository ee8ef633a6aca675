package dev.rolecall.request.problems;

import dev.rolecall.request.RoleRequestStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A review after the fact was asked of a request that has none waiting: it was not filed as an
 * emergency, or its review is closed already (another reviewer may have closed it first). Maps to
 * 409; the API names the {@code status} and the {@code emergencyReview}, a page shows
 * {@code conflict.emergencyReview.<state>}.
 */
public class NoEmergencyReviewException extends RequestException {

    /**
     * @param closed how the review ended (CONFIRMED or REVOKED), or {@code null} for a request not
     *     filed as an emergency
     */
    public NoEmergencyReviewException(RoleRequestStatus status, @Nullable String closed) {
        super(
                closed == null ? "no emergency, no review after the fact" : "the review after the fact is " + closed,
                body(status, closed),
                "conflict.emergencyReview." + (closed == null ? "NONE" : closed),
                null);
    }

    private static ProblemDetail body(RoleRequestStatus status, @Nullable String closed) {
        ProblemDetail body = problem(
                HttpStatus.CONFLICT,
                closed == null
                        ? "This request was not filed as an emergency: it has no review after the fact."
                        : "This emergency's review after the fact is closed already: it was " + closed + ".");
        body.setProperty("status", status.name());
        body.setProperty("emergencyReview", closed == null ? "NONE" : closed);
        return body;
    }
}
