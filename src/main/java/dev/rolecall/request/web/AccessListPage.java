package dev.rolecall.request.web;

import dev.rolecall.policy.permissions.AccessEntry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a full access list, filtered on the server.
 *
 * @param entries the entries of this page
 * @param total how many entries the list has before filtering
 * @param matching how many match the filter
 * @param page this page, from 1
 * @param pages how many pages the matching entries fill (at least 1)
 * @param first the position of this page's first entry, from 1 (0 when nothing matches)
 * @param query the filter, as typed
 * @param queryError why the filter was not applied, or null
 */
record AccessListPage(
        List<AccessEntry> entries,
        int total,
        int matching,
        int page,
        int pages,
        int first,
        String query,
        @Nullable String queryError) {

    /** Entries on one page. */
    static final int PAGE_SIZE = 500;

    /** The longest filter accepted, in characters. */
    static final int MAX_QUERY = 200;

    /**
     * Page {@code page} of the entries matching {@code query}; a page past the end shows the last one,
     * a page before the start the first.
     */
    static AccessListPage of(List<AccessEntry> all, String query, int page) {
        if (query.length() > MAX_QUERY) {
            return new AccessListPage(
                    List.of(), all.size(), 0, 1, 1, 0, query, "Filter with at most " + MAX_QUERY + " characters.");
        }
        List<AccessEntry> matching =
                all.stream().filter(entry -> entry.matches(query)).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        int from = (shown - 1) * PAGE_SIZE;
        List<AccessEntry> entries = matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE));
        return new AccessListPage(
                entries, all.size(), matching.size(), shown, pages, entries.isEmpty() ? 0 : from + 1, query, null);
    }

    /** The position of this page's last entry, from 1. */
    public int last() {
        return first == 0 ? 0 : first + entries.size() - 1;
    }
}
