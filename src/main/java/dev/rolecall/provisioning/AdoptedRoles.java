package dev.rolecall.provisioning;

/**
 * Roles Rolecall adopted without tagging them {@code managed-by=rolecall} (an account may forbid the
 * tag): CHANGE and DELETE requests accept them as well as tagged roles. Implemented by the module that
 * records adoptions; without an implementation only tagged roles count as managed.
 */
public interface AdoptedRoles {

    /** Whether Rolecall adopted the role with this name in this account. */
    boolean adopted(String accountId, String roleName);

    /**
     * Whether adopting a role of this account tags it {@code managed-by=rolecall}, the only change
     * an IMPORT request makes in AWS; by default it changes nothing.
     */
    default boolean tagsAdopted(String accountId) {
        return false;
    }
}
