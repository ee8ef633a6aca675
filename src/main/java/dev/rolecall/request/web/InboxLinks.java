package dev.rolecall.request.web;

import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.inbox.InboxCursor;
import dev.rolecall.request.inbox.InboxSort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The inbox's links, each keeping the tab, the sort and the filters of the page it is on.
 *
 * @param tab the page's tab
 * @param sort the page's sort
 * @param filters the filters that are set, as query parameters
 */
record InboxLinks(InboxTab tab, InboxSort sort, Map<String, String> filters) {

    /** The first page of another tab, with the same sort and filters. */
    public String tab(InboxTab other) {
        return link(other, "");
    }

    /** The first page of this tab. */
    public String first() {
        return tab(tab);
    }

    /** The page after a position. */
    public String after(InboxCursor cursor) {
        return link(tab, "&after=" + cursor);
    }

    /** The page before a position. */
    public String before(InboxCursor cursor) {
        return link(tab, "&before=" + cursor);
    }

    private String link(InboxTab target, String position) {
        StringBuilder link = new StringBuilder("/inbox?tab=")
                .append(target.name())
                .append("&sort=")
                .append(sort.name());
        filters.forEach((name, value) ->
                link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return link.append(position).toString();
    }
}
