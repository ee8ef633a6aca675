package dev.rolecall.inventory;

import dev.rolecall.provisioning.AdoptedRoles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles the inventory holds and that still exist count as managed by Rolecall for CHANGE and DELETE
 * requests, whether or not the account let adoption tag them {@code managed-by=rolecall}.
 */
@Component
class InventoryAdoptedRoles implements AdoptedRoles {

    private final ManagedRoleRepository roles;
    private final InventoryProperties properties;

    InventoryAdoptedRoles(ManagedRoleRepository roles, InventoryProperties properties) {
        this.roles = roles;
        this.properties = properties;
    }

    /** The account's {@code rolecall.inventory.accounts.<id>.tag-adopted}. */
    @Override
    public boolean tagsAdopted(String accountId) {
        return properties.account(accountId).tagAdopted();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean adopted(String accountId, String roleName) {
        return roles.find(accountId, roleName)
                .filter(role -> role.state().live())
                .isPresent();
    }
}
