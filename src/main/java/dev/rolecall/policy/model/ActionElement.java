package dev.rolecall.policy.model;

import java.util.List;

/**
 * A statement's Action or NotAction element.
 *
 * @param negated true for NotAction: the statement covers every action except those listed
 * @param patterns the entries, at least one
 * @param at where the element's name was written
 */
public record ActionElement(boolean negated, List<ActionPattern> patterns, SourcePosition at) {

    public ActionElement {
        patterns = List.copyOf(patterns);
    }

    /** The element's JSON name. */
    public String name() {
        return negated ? "NotAction" : "Action";
    }

    /** Whether any entry matches the action (ignoring {@link #negated()}). */
    public boolean lists(String action) {
        for (ActionPattern pattern : patterns) {
            if (pattern.matches(action)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the statement covers the action: listed for Action, not listed for NotAction. */
    public boolean covers(String action) {
        return lists(action) != negated;
    }
}
