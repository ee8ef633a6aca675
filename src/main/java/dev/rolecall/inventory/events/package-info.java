/**
 * What happens to roles in the inventory (adoption, expiry, drift found and resolved, exports), as
 * events the audit trail records.
 */
@NullMarked
@NamedInterface("events")
package dev.rolecall.inventory.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
