package dev.rolecall.request.change;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleSpec;
import java.util.Optional;

/**
 * Plans a request against the live role, read at that moment. Implemented by provisioning, the
 * only module that talks to AWS.
 */
public interface ChangePlanning {

    /**
     * The plan of a request of this kind.
     *
     * @param desired for CHANGE the whole desired spec; for DELETE only its account and role name
     *     count
     * @return for CHANGE and DELETE the plan against the live role; for CREATE empty, after checking
     *     that no role of that name exists where the account can be read
     * @throws ChangeRefusedException when the request cannot be planned, with the field to fix
     */
    Optional<ChangePlan> plan(RequestKind kind, RoleSpec desired);

    /**
     * The live role a CHANGE or DELETE would start from, for a form prefilled with it.
     *
     * @throws ChangeRefusedException when it does not exist, is not managed by Rolecall, or cannot be
     *     read, with the field to fix
     */
    RoleSpec managedLiveRole(String accountId, String roleName);
}
