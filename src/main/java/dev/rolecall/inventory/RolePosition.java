package dev.rolecall.inventory;

import java.util.List;

/**
 * A position in the inventory's list, in the order the list has: account and name ({@link RoleKey}),
 * or, with an expiry filter, soonest expiry first ({@link ExpiryKey}). Written into page links by
 * {@code toString()}.
 */
sealed interface RolePosition permits RoleKey, ExpiryKey {

    /** The position's values, in the order of the list's sort columns. */
    List<Object> values();
}
