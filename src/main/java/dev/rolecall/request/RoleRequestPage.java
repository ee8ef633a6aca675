package dev.rolecall.request;

import dev.rolecall.request.review.ReviewProgress;
import java.util.Optional;

/**
 * A request as its page shows it to one reader, all read from one snapshot.
 *
 * @param request the request
 * @param route the route of its current revision as the reader sees it; empty for a request filed
 *     before routing, which any reviewer decides on alone
 * @param mayReviewEmergency whether the reader may close the review after the fact of this emergency
 *     request now (always false for an ordinary request)
 */
public record RoleRequestPage(RoleRequestView request, Optional<ReviewProgress> route, boolean mayReviewEmergency) {}
