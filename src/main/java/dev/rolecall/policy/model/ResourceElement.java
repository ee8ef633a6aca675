package dev.rolecall.policy.model;

import java.util.List;

/**
 * A statement's Resource or NotResource element.
 *
 * @param negated true for NotResource: the statement covers every resource except those listed
 * @param patterns the entries, at least one
 * @param at where the element's name was written
 */
public record ResourceElement(boolean negated, List<ResourcePattern> patterns, SourcePosition at) {

    public ResourceElement {
        patterns = List.copyOf(patterns);
    }

    /** The element's JSON name. */
    public String name() {
        return negated ? "NotResource" : "Resource";
    }

    /** Whether the element is {@code "Resource": "*"} (or lists {@code *} among others). */
    public boolean isAll() {
        return !negated && patterns.stream().anyMatch(ResourcePattern::isAll);
    }
}
