package dev.rolecall.policy.access;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.ConditionOperator;
import dev.rolecall.policy.model.SetOperator;

/**
 * What a condition of a statement can be, before any request: always true, never true, or depending
 * on the request. A condition on a key that none of the statement's actions carries sees the key
 * absent in every request: negated operators, {@code …IfExists}, {@code ForAllValues} and {@code Null
 * true} are then always true (the condition limits nothing), the others never. In a role's own
 * policies {@code aws:PrincipalAccount} is always the role's account, so compared with a fixed value
 * it limits nothing there (compared with a variable such as {@code ${aws:ResourceAccount}} it does).
 */
public enum ConditionTruth {
    /** True in every request: the statement applies as if the condition were not there. */
    ALWAYS,
    /** True in no request: the statement never applies. */
    NEVER,
    /** Depends on the request. */
    DEPENDS;

    /** What a condition of a statement with these actions, in a policy of this kind, can be. */
    public static ConditionTruth of(IamCatalog catalog, ActionSet actions, PolicyKind kind, Condition condition) {
        if (kind != PolicyKind.TRUST
                && kind != PolicyKind.RESOURCE
                && condition.key().equalsIgnoreCase("aws:PrincipalAccount")
                && condition.values().stream().noneMatch(value -> value.contains("${"))) {
            return ALWAYS;
        }
        if (actions.isEmpty() || catalog.mayCarry(actions, condition.key())) {
            return DEPENDS;
        }
        return whenKeyAbsent(condition);
    }

    /** What a condition evaluates to when the request does not carry its key. */
    public static ConditionTruth whenKeyAbsent(Condition condition) {
        if (condition.operator() == ConditionOperator.NULL) {
            return condition.values().stream().allMatch("true"::equalsIgnoreCase) ? ALWAYS : NEVER;
        }
        if (condition.ifExists() || condition.set() == SetOperator.FOR_ALL_VALUES) {
            return ALWAYS;
        }
        if (condition.set() == SetOperator.FOR_ANY_VALUE) {
            return NEVER;
        }
        return condition.operator().negated() ? ALWAYS : NEVER;
    }
}
