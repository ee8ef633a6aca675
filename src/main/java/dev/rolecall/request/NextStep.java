package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;

/**
 * What happens next to a request and who acts, worded for the person reading it: the line at the
 * top of the request page's action panel. The server checks every action again when it is taken.
 *
 * @param messageKey the sentence, {@code next.<STATUS>} or a variant for the reader; its {@code {0}}
 *     is the requester
 * @param requester who filed the request
 * @param offersRevise whether the reader may file a new revision now
 */
record NextStep(String messageKey, String requester, boolean offersRevise) {

    /**
     * @param mayRetry whether the reader may retry a failed apply, as the page already worked out
     *     for its Retry button
     */
    static NextStep of(RoleRequestView request, CurrentUser reader, boolean mayRetry) {
        boolean isRequester = request.requester().equals(reader.username());
        RoleRequestStatus status = request.status();
        String key = "next." + status.name();
        String variant = switch (status) {
            case DRAFT, CHANGES_REQUESTED -> isRequester ? ".requester" : "";
            case IN_REVIEW -> isRequester ? ".requester" : reader.has(Role.REVIEWER) ? ".reviewer" : "";
            case APPROVED -> request.planOnly() ? ".planOnly" : "";
            case FAILED -> mayRetry ? ".retry" : "";
            default -> "";
        };
        return new NextStep(key + variant, request.requester(), isRequester && status.isRevisable());
    }
}
