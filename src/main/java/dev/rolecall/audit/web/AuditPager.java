package dev.rolecall.audit.web;

import org.jspecify.annotations.Nullable;

/**
 * Navigation of the audit page by position: to the newest events, the page of newer ones and the
 * page of older ones, each keeping the filters. Not shown when there is nothing to go to.
 */
public record AuditPager(
        @Nullable String newest,
        @Nullable String newer,
        @Nullable String older) {

    static @Nullable AuditPager of(AuditQuery query, String path, @Nullable Long newerThan, @Nullable Long olderThan) {
        if (newerThan == null && olderThan == null) {
            return null;
        }
        return new AuditPager(
                newerThan == null ? null : query.link(path),
                newerThan == null ? null : query.link(path, null, newerThan),
                olderThan == null ? null : query.link(path, olderThan, null));
    }
}
