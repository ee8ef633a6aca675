package dev.rolecall.policy.findings;

import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.ConditionOperator;
import dev.rolecall.policy.model.Wildcard;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Questions the checks ask about a statement's conditions. */
final class ConditionFacts {

    private ConditionFacts() {}

    /**
     * Whether a condition on a key accepted by {@code keys} narrows the request: a positive String or
     * Arn comparison (not negated, not Null) with at least one value that is not just {@code *}.
     */
    static boolean narrows(List<Condition> conditions, Predicate<String> keys) {
        return conditions.stream().anyMatch(condition -> keys.test(lower(condition.key())) && narrowing(condition));
    }

    /** Whether a condition names one of these keys (lower case) and narrows the request. */
    static boolean narrows(List<Condition> conditions, Set<String> keys) {
        return narrows(conditions, keys::contains);
    }

    /** The narrowing conditions on keys accepted by {@code keys}. */
    static List<Condition> narrowing(List<Condition> conditions, Predicate<String> keys) {
        return conditions.stream()
                .filter(c -> keys.test(lower(c.key())) && narrowing(c))
                .toList();
    }

    /**
     * Whether a narrowing condition on {@code key} lets the value {@code candidate} through (or there
     * is no narrowing condition on that key at all).
     */
    static boolean admits(List<Condition> conditions, String key, String candidate) {
        List<Condition> on = narrowing(conditions, key::equals);
        if (on.isEmpty()) {
            return true;
        }
        return on.stream()
                .allMatch(condition ->
                        condition.values().stream().anyMatch(value -> Wildcard.matches(value, candidate, true)));
    }

    /** The conditions as people read them, e.g. {@code StringEquals aws:PrincipalOrgID = o-abc}. */
    static String describe(List<Condition> conditions) {
        return conditions.stream()
                .map(c -> c.operatorText() + " " + c.key() + " = " + String.join(", ", c.values()))
                .collect(Collectors.joining("; "));
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean narrowing(Condition condition) {
        ConditionOperator operator = condition.operator();
        boolean comparesText = operator.type() == ConditionOperator.ValueType.STRING
                || operator.type() == ConditionOperator.ValueType.ARN;
        return comparesText
                && !operator.negated()
                && !condition.values().stream().allMatch("*"::equals);
    }
}
