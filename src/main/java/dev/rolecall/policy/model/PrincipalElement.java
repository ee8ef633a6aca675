package dev.rolecall.policy.model;

import java.util.List;

/**
 * A statement's Principal or NotPrincipal element.
 *
 * @param negated true for NotPrincipal: the statement covers every principal except those listed
 * @param everyone true for the bare {@code "Principal": "*"} (then {@link #values()} is empty)
 * @param values the principals listed by type; empty only when {@link #everyone()}
 * @param at where the element's name was written
 */
public record PrincipalElement(boolean negated, boolean everyone, List<PrincipalValue> values, SourcePosition at) {

    public PrincipalElement {
        values = List.copyOf(values);
    }

    /** The element's JSON name. */
    public String name() {
        return negated ? "NotPrincipal" : "Principal";
    }

    /** The values listed under one type. */
    public List<PrincipalValue> valuesOf(PrincipalType type) {
        return values.stream().filter(value -> value.type() == type).toList();
    }

    /** Whether the element names every principal: {@code "*"} or {@code {"AWS": "*"}}. */
    public boolean namesEveryone() {
        return everyone || values.stream().anyMatch(value -> value.type() == PrincipalType.AWS && value.isAll());
    }
}
