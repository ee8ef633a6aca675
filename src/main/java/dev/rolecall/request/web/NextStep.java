package dev.rolecall.request.web;

import dev.rolecall.request.RequestActions;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;

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

    /** @param may what the reader may do with the request, as the page shows it */
    static NextStep of(RoleRequestView request, RequestActions may) {
        RoleRequestStatus status = request.status();
        String key = "next." + status.name();
        String variant = switch (status) {
            case DRAFT, CHANGES_REQUESTED -> may.requester() ? ".requester" : "";
            case IN_REVIEW -> may.requester() ? ".requester" : may.decide() ? ".reviewer" : "";
            case APPROVED -> request.planOnly() ? ".planOnly" : "";
            case FAILED -> may.rollBack() ? ".rollBack" : may.retry() ? ".retry" : "";
            default -> "";
        };
        return new NextStep(key + variant, request.requester(), may.revise());
    }
}
