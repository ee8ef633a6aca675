/**
 * What a role may do, as answers other modules show: the effective permissions overview and its
 * per-service summary, the access a change adds or removes, and the answer to "can this role do
 * this action on this resource?" with the statement that decided it.
 */
@NullMarked
@NamedInterface("permissions")
package dev.rolecall.policy.permissions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
