package dev.rolecall.request;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;

/**
 * Who acts on a request, as far as the request's rules care: the {@link RoleRequest} aggregate
 * decides from this what the person may do.
 *
 * @param reviewer whether the person reviews requests
 * @param admin whether the person administers Rolecall
 * @param readsAll whether the person may read every request, not only their own
 */
public record Actor(String username, boolean reviewer, boolean admin, boolean readsAll) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.username(), user.has(Role.REVIEWER), user.has(Role.ADMIN), user.canReadAllRequests());
    }

    /** Whether this person filed the request. */
    boolean filed(String requester) {
        return username.equals(requester);
    }
}
