package dev.rolecall.inventory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the inventory, in account and name order, read by keyset.
 *
 * @param next where the next page starts, or {@code null} on the last page
 * @param count how many roles match, counted up to {@link #COUNT_LIMIT} + 1
 */
record RoleSlice(List<ManagedRole.Row> items, @Nullable RoleKey next, long count) {

    static final int COUNT_LIMIT = 10_000;

    RoleSlice {
        items = List.copyOf(items);
    }

    public String countText() {
        return count > COUNT_LIMIT ? String.format("%,d+", COUNT_LIMIT) : String.format("%,d", count);
    }
}
