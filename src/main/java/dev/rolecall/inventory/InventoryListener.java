package dev.rolecall.inventory;

import dev.rolecall.request.events.RoleApplied;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the inventory by listening to request events. A transactional listener of the event
 * publication registry: it runs after the apply committed, in a transaction of its own, and an
 * event whose listener failed is delivered again on restart; recording is idempotent per request.
 */
@Component
class InventoryListener {

    private final RoleInventory inventory;

    InventoryListener(RoleInventory inventory) {
        this.inventory = inventory;
    }

    @ApplicationModuleListener
    void on(RoleApplied applied) {
        inventory.recordApplied(applied);
    }
}
