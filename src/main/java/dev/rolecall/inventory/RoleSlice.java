package dev.rolecall.inventory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the inventory, in the filter's order (account and name, or soonest expiry first), read
 * by keyset in either direction.
 *
 * @param previous where the page before ends (its link's {@code before}), or {@code null} on the first page
 * @param next where the next page starts (its link's {@code after}), or {@code null} on the last page
 * @param count how many roles match, counted up to {@link #COUNT_LIMIT} + 1
 */
record RoleSlice(
        List<ManagedRole.Row> items,
        @Nullable RolePosition previous,
        @Nullable RolePosition next,
        long count) {

    static final int COUNT_LIMIT = 10_000;

    RoleSlice {
        items = List.copyOf(items);
    }

    public String countText() {
        return count > COUNT_LIMIT ? String.format("%,d+", COUNT_LIMIT) : String.format("%,d", count);
    }
}
