package dev.rolecall.policy.model;

import java.util.Locale;

/**
 * One entry of an Action or NotAction element: {@code *} or {@code service:Name}, where the name may
 * hold the wildcards {@code *} (any run of characters) and {@code ?} (one character). Actions match
 * without regard to case.
 *
 * @param text the entry as written
 * @param at where it was written
 */
public record ActionPattern(String text, SourcePosition at) {

    /** Whether this is the bare {@code *}, matching every action of every service. */
    public boolean isAll() {
        return "*".equals(text);
    }

    /** The service prefix in lower case (e.g. {@code s3}); {@code *} for the bare {@code *}. */
    public String service() {
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The action name part as written (e.g. {@code Get*}); {@code *} for the bare {@code *}. */
    public String name() {
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1);
    }

    /** Whether the name holds a wildcard. */
    public boolean hasWildcard() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /**
     * Whether this entry matches an action such as {@code s3:GetObject}, ignoring case, as IAM
     * does.
     */
    public boolean matches(String action) {
        return Wildcard.matches(text, action, true);
    }
}
