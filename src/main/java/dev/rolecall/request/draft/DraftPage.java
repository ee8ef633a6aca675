package dev.rolecall.request.draft;

import dev.rolecall.request.RoleRequestSlice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a person's drafts, last saved first, read by keyset like the request list.
 *
 * @param older where the page of drafts saved earlier starts, or {@code null} when there is none
 * @param newer where the page of drafts saved later starts, or {@code null} when there is none
 * @param count how many drafts the person has
 */
public record DraftPage(
        List<RequestDraft> items,
        RoleRequestSlice.@Nullable Key older,
        RoleRequestSlice.@Nullable Key newer,
        long count) {

    public DraftPage {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
