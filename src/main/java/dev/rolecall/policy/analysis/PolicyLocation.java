package dev.rolecall.policy.analysis;

import org.jspecify.annotations.Nullable;

/**
 * Where in a policy something was found, precise enough for a person to act on it.
 *
 * @param policy the policy's name as the person knows it (e.g. {@code inlinePolicies.read-logs},
 *     {@code trustPolicy}); may be empty when there is only one document
 * @param statementIndex the statement's position in the Statement array, counted from 0; -1 when
 *     the location is not inside a statement
 * @param sid the statement's Sid, if it has one
 * @param element the element, e.g. {@code Action}, {@code Condition.StringEquals.aws:SourceAccount};
 *     null for the whole statement or document
 * @param line the line in the JSON text, counted from 1; 0 when the text is not known (e.g. the
 *     document came as a parsed tree)
 * @param column the column in the JSON text, counted from 1; 0 when not known
 */
public record PolicyLocation(
        String policy,
        int statementIndex,
        @Nullable String sid,
        @Nullable String element,
        int line,
        int column) {

    /** A location for the whole document. */
    public static PolicyLocation document(String policy, int line, int column) {
        return new PolicyLocation(policy, -1, null, null, line, column);
    }

    /** Whether the line and column point into the JSON text. */
    public boolean hasPosition() {
        return line > 0;
    }

    /**
     * The location in the words of the UI, without the policy name, e.g.
     * {@code Ln 12, Col 9 · statement 2 (Sid ReadLogs) · Action}. Statements are numbered from 1
     * here, as people count them.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (hasPosition()) {
            text.append("Ln ").append(line).append(", Col ").append(column);
        }
        if (statementIndex >= 0) {
            separate(text).append("statement ").append(statementIndex + 1);
            if (sid != null && !sid.isEmpty()) {
                text.append(" (Sid ").append(sid).append(')');
            }
        }
        if (element != null) {
            separate(text).append(element);
        }
        return text.isEmpty() ? "document" : text.toString();
    }

    /** {@link #describe()} prefixed with the policy name, e.g. {@code read-logs · Ln 3, Col 5 · Version}. */
    public String describeWithPolicy() {
        return policy.isEmpty() ? describe() : policy + " · " + describe();
    }

    private static StringBuilder separate(StringBuilder text) {
        return text.isEmpty() ? text : text.append(" · ");
    }
}
