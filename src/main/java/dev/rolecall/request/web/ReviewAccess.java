package dev.rolecall.request.web;

import dev.rolecall.request.RequestActions;
import dev.rolecall.request.review.ReviewProgress;
import java.util.Optional;

/** The decision form shows only to whom the waiting review stage admits; the service checks again. */
final class ReviewAccess {

    private ReviewAccess() {}

    /** The actions, with deciding left only to a reader the route lets decide now. */
    static RequestActions narrow(RequestActions may, Optional<ReviewProgress> route) {
        if (!may.decide() || route.isEmpty() || route.get().readerMayDecide()) {
            return may;
        }
        return new RequestActions(
                may.requester(),
                may.reviews(),
                false,
                may.comment(),
                may.retry(),
                may.revise(),
                may.withdraw(),
                may.rollBack());
    }
}
