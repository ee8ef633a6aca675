package dev.rolecall.policy.simulation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves policy variables in Resource entries and condition values: {@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team}}, the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}, and defaults
 * {@code ${aws:username, 'nobody'}}. Text that comes from a variable stands for itself: a {@code *} in a
 * tag value is not a wildcard. A variable whose key is absent (or has several values) and has no
 * default leaves the whole entry without a value: it matches nothing.
 */
final class Variables {

    /**
     * Resolved text; {@code literal[i]} marks characters that must match themselves even if they are
     * {@code *} or {@code ?}. {@code literal} is null when no character came from a variable.
     */
    record Resolved(String text, boolean @Nullable [] literal) {}

    /** How a policy variable opens, as in {@code ${aws:username}}. */
    private static final String VARIABLE_START = "${";

    private Variables() {}

    /**
     * Resolves the variables in {@code text}; null when a variable has no value. Without
     * {@code enabled} (policies older than Version 2012-10-17) the text is taken literally.
     */
    static @Nullable Resolved resolve(String text, boolean enabled, RequestContext request) {
        return resolve(text, enabled, request, false);
    }

    /**
     * As {@link #resolve(String, boolean, RequestContext)}, but with {@code unknownAsWildcard} a
     * variable without value becomes {@code *}: the entry then covers whatever the variable could be.
     */
    static @Nullable Resolved resolve(String text, boolean enabled, RequestContext request, boolean unknownAsWildcard) {
        if (!enabled || text.indexOf(VARIABLE_START) < 0) {
            return new Resolved(text, null);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        StringBuilder mask = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf(VARIABLE_START, i);
            int end = start < 0 ? -1 : closing(text, start + 2);
            if (start < 0 || end < 0) {
                append(out, mask, text.substring(i), false);
                break;
            }
            append(out, mask, text.substring(i, start), false);
            String value = value(text.substring(start + 2, end), request);
            if (value == null && !unknownAsWildcard) {
                return null;
            }
            append(out, mask, value == null ? "*" : value, value != null);
            i = end + 1;
        }
        return new Resolved(out.toString(), literal(mask));
    }

    /** Which characters of the resolved text came from a variable ({@code L} in the mask). */
    private static boolean[] literal(StringBuilder mask) {
        boolean[] literal = new boolean[mask.length()];
        for (int k = 0; k < literal.length; k++) {
            literal[k] = mask.charAt(k) == 'L';
        }
        return literal;
    }

    private static void append(StringBuilder out, StringBuilder mask, String text, boolean literal) {
        out.append(text);
        mask.append((literal ? "L" : "P").repeat(text.length()));
    }

    /** The index of the '}' closing a variable, skipping quoted defaults (where '' is a quote). */
    private static int closing(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable String value(String inside, RequestContext request) {
        String body = inside.strip();
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return body;
        }
        String key = body;
        String fallback = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma).strip();
            String quoted = body.substring(comma + 1).strip();
            if (quoted.length() >= 2 && quoted.startsWith("'") && quoted.endsWith("'")) {
                fallback = quoted.substring(1, quoted.length() - 1).replace("''", "'");
            }
        }
        List<String> values = request.values(key);
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        return fallback;
    }
}
