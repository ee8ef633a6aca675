package dev.rolecall.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Page-number navigation for the audit page: the first and last pages, two either side of the
 * current one, and gaps between. Not shown at all when there is one page.
 */
public record AuditPager(
        int number,
        int totalPages,
        @Nullable String previous,
        @Nullable String next,
        List<Link> links) {

    /** A page number, or (when {@code gap}) the ellipsis between distant pages. */
    public record Link(int number, String href, boolean current, boolean gap) {}

    private static final int AROUND = 2;

    /**
     * @param number the current page, from 1
     * @param href the address of a page
     * @return {@code null} when there is at most one page
     */
    static @Nullable AuditPager of(int number, int totalPages, IntFunction<String> href) {
        if (totalPages <= 1) {
            return null;
        }
        List<Link> links = new ArrayList<>();
        int last = 0;
        for (int page = 1; page <= totalPages; page++) {
            boolean shown = page == 1 || page == totalPages || Math.abs(page - number) <= AROUND;
            if (!shown) {
                continue;
            }
            if (last != 0 && page > last + 1) {
                links.add(new Link(0, "", false, true));
            }
            links.add(new Link(page, href.apply(page), page == number, false));
            last = page;
        }
        return new AuditPager(
                number,
                totalPages,
                number > 1 ? href.apply(number - 1) : null,
                number < totalPages ? href.apply(number + 1) : null,
                links);
    }
}
