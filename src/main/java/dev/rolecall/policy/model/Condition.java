package dev.rolecall.policy.model;

import java.util.List;

/**
 * One test of a statement's Condition block: {@code "operator": {"key": value or [values]}}. A
 * statement's conditions must all be true (AND); a condition is true when the key matches any of
 * its values (OR), or none of them for negated operators.
 *
 * @param operatorText the operator as written, e.g. {@code ForAnyValue:StringLikeIfExists}
 * @param operator the base operator
 * @param set the set qualifier
 * @param ifExists whether the operator ends in {@code IfExists}: true when the key is absent
 * @param key the condition key as written, e.g. {@code aws:PrincipalTag/team}; keys match
 *     without regard to case
 * @param values the values, as strings (JSON numbers and booleans become their text); at least one
 * @param at where the key was written
 */
public record Condition(
        String operatorText,
        ConditionOperator operator,
        SetOperator set,
        boolean ifExists,
        String key,
        List<String> values,
        SourcePosition at) {

    public Condition {
        values = List.copyOf(values);
    }
}
