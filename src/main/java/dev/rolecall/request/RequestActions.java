package dev.rolecall.request;

/**
 * What the person reading a request may do with it now, as the {@link RoleRequest} rules decide:
 * the request page shows only these actions, and the server checks each again when it is taken.
 *
 * @param requester whether the reader filed the request
 * @param reviews whether the reader takes part in its review: the requester or a reviewer
 * @param rollBack whether the reader may roll back a failed apply that created something
 */
public record RequestActions(
        boolean requester,
        boolean reviews,
        boolean decide,
        boolean comment,
        boolean retry,
        boolean revise,
        boolean withdraw,
        boolean rollBack) {

    /** @param createdSomething whether an apply call of the request succeeded */
    static RequestActions of(String requester, RoleRequestStatus status, boolean createdSomething, Actor reader) {
        return new RequestActions(
                reader.filed(requester),
                RoleRequest.takesPart(requester, reader),
                RoleRequest.mayDecide(requester, status, reader),
                RoleRequest.mayComment(requester, status, reader),
                RoleRequest.mayRetry(requester, status, reader),
                RoleRequest.mayRevise(requester, status, reader),
                RoleRequest.mayWithdraw(requester, status, reader),
                RoleRequest.mayRollBack(requester, status, createdSomething, reader));
    }
}
