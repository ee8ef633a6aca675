package dev.rolecall.policy.findings;

import dev.rolecall.policy.access.ConditionTruth;
import dev.rolecall.policy.access.StatementActions;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.ConditionKey;
import dev.rolecall.policy.catalog.ConditionValueType;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.ConditionOperator;
import dev.rolecall.policy.model.ConditionOperator.ValueType;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.SetOperator;
import dev.rolecall.policy.model.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks a statement's conditions against the catalog's condition keys and IAM's evaluation rules. */
final class ConditionChecks {

    private static final Set<ConditionOperator> EQUALS_OPERATORS = EnumSet.of(
            ConditionOperator.STRING_EQUALS,
            ConditionOperator.STRING_NOT_EQUALS,
            ConditionOperator.STRING_EQUALS_IGNORE_CASE,
            ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE);

    private final IamCatalog catalog;
    private final Findings findings;

    ConditionChecks(IamCatalog catalog, Findings findings) {
        this.catalog = catalog;
        this.findings = findings;
    }

    /**
     * @param hygiene whether to report unknown keys (not for AWS managed policies, which nobody here can edit)
     */
    void check(PolicyDocument policy, Statement statement, boolean hygiene) {
        ActionSet actions = null;
        for (Condition condition : statement.conditions()) {
            PolicyLocation at = policy.locate(
                    statement, "Condition." + condition.operatorText() + "." + condition.key(), condition.at());
            Optional<ConditionKey> key = catalog.conditionKey(condition.key());
            if (key.isEmpty()) {
                if (hygiene) {
                    findings.add(
                            FindingCode.UNKNOWN_CONDITION_KEY,
                            at,
                            "\"" + condition.key() + "\" is not a condition key in the catalog of "
                                    + catalog.dataDate());
                }
            } else {
                checkType(condition, key.get(), at);
                checkSetOperator(statement, condition, key.get(), at);
            }
            checkWildcard(condition, at);
            checkMfa(statement, condition, at);
            if (hygiene && !statement.action().negated()) {
                actions = actions == null ? StatementActions.expand(catalog, statement) : actions;
                checkTruth(policy, statement, actions, condition, at);
            }
        }
    }

    /**
     * A condition that cannot depend on the request: its key is in no request of the statement's
     * actions, or it is aws:PrincipalAccount in the role's own policy.
     */
    private void checkTruth(
            PolicyDocument policy, Statement statement, ActionSet actions, Condition condition, PolicyLocation at) {
        ConditionTruth truth = ConditionTruth.of(catalog, actions, policy.kind(), condition);
        if (truth == ConditionTruth.DEPENDS) {
            return;
        }
        if (condition.key().equalsIgnoreCase("aws:PrincipalAccount")) {
            findings.add(
                    FindingCode.CONDITION_LIMITS_NOTHING,
                    FindingSeverity.LOW,
                    at,
                    "aws:PrincipalAccount is always the role's own account in the role's own policies: "
                            + "the condition limits nothing");
            return;
        }
        boolean allow = statement.effect() == Effect.ALLOW;
        boolean misleading = allow == (truth == ConditionTruth.ALWAYS);
        String outcome = truth == ConditionTruth.ALWAYS
                ? "is always true, so the condition limits nothing"
                : "is never true, so the statement " + (allow ? "grants" : "denies") + " nothing";
        findings.add(
                FindingCode.CONDITION_LIMITS_NOTHING,
                misleading ? FindingSeverity.MEDIUM : FindingSeverity.LOW,
                at,
                "No action of this statement carries " + condition.key() + " in its request: "
                        + condition.operatorText() + " " + outcome);
    }

    private void checkType(Condition condition, ConditionKey key, PolicyLocation at) {
        if (!fits(condition.operator().type(), key.type())) {
            findings.add(
                    FindingCode.OPERATOR_TYPE_MISMATCH,
                    at,
                    condition.operator().json() + " compares "
                            + condition
                                    .operator()
                                    .type()
                                    .name()
                                    .toLowerCase(Locale.ROOT)
                                    .replace('_', ' ')
                            + " values, but " + condition.key() + " holds "
                            + key.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " values");
        }
    }

    private void checkSetOperator(Statement statement, Condition condition, ConditionKey key, PolicyLocation at) {
        if (condition.set() == SetOperator.NONE || key.multiValued()) {
            return;
        }
        boolean permissive = condition.set() == SetOperator.FOR_ALL_VALUES && statement.effect() == Effect.ALLOW;
        findings.add(
                FindingCode.SET_OPERATOR_SINGLE_VALUED,
                permissive ? FindingSeverity.MEDIUM : FindingSeverity.LOW,
                at,
                condition.set().prefix() + " on " + condition.key() + ", which has a single value"
                        + (permissive ? ": the statement also applies when the key is missing" : ""));
    }

    private void checkWildcard(Condition condition, PolicyLocation at) {
        if (!EQUALS_OPERATORS.contains(condition.operator())) {
            return;
        }
        for (String value : condition.values()) {
            String literal = value.replace("${*}", "").replace("${?}", "");
            if (literal.indexOf('*') >= 0 || literal.indexOf('?') >= 0) {
                findings.add(
                        FindingCode.WILDCARD_WITHOUT_LIKE,
                        at,
                        condition.operator().json() + " compares \""
                                + value + "\" literally; "
                                + condition
                                        .operator()
                                        .json()
                                        .replace("Equals", "Like")
                                        .replace("IgnoreCase", "") + " would treat * and ? as wildcards");
                return;
            }
        }
    }

    private void checkMfa(Statement statement, Condition condition, PolicyLocation at) {
        if (!condition.key().equalsIgnoreCase("aws:MultiFactorAuthPresent")) {
            return;
        }
        boolean saysFalse = condition.values().stream().anyMatch("false"::equalsIgnoreCase);
        if (statement.effect() == Effect.ALLOW && saysFalse) {
            findings.add(
                    FindingCode.BROKEN_MFA,
                    FindingSeverity.MEDIUM,
                    at,
                    condition.operator() == ConditionOperator.NULL
                            ? "Null aws:MultiFactorAuthPresent false only says the key is present, which it is "
                                    + "for every temporary credential, with or without MFA: it requires no MFA"
                            : condition.operatorText() + " aws:MultiFactorAuthPresent false in an Allow admits "
                                    + "sessions without MFA"
                                    + (condition.ifExists() ? " and long-term access keys" : "")
                                    + ": it requires no MFA of anyone");
            return;
        }
        if (condition.operator() == ConditionOperator.BOOL) {
            checkMfaIfExists(statement, condition, at);
        }
    }

    /** A Bool on MFA where IfExists lets long-term access keys, which carry no MFA key, slip past or in. */
    private void checkMfaIfExists(Statement statement, Condition condition, PolicyLocation at) {
        boolean denyWithoutIfExists = statement.effect() == Effect.DENY
                && !condition.ifExists()
                && condition.values().stream().anyMatch("false"::equalsIgnoreCase);
        boolean allowIfExists = statement.effect() == Effect.ALLOW
                && condition.ifExists()
                && condition.values().stream().anyMatch("true"::equalsIgnoreCase);
        if (denyWithoutIfExists) {
            findings.add(
                    FindingCode.BROKEN_MFA,
                    at,
                    "The Deny does not apply to requests made with long-term "
                            + "access keys, which carry no aws:MultiFactorAuthPresent: use BoolIfExists");
        } else if (allowIfExists) {
            findings.add(
                    FindingCode.BROKEN_MFA,
                    at,
                    "BoolIfExists also allows requests made with long-term access "
                            + "keys, which carry no aws:MultiFactorAuthPresent: use Bool");
        }
    }

    /** Whether an operator family can compare values of a key's type. Lenient where IAM converts. */
    static boolean fits(ValueType operator, ConditionValueType key) {
        return switch (operator) {
            case NULL -> true;
            case STRING ->
                key != ConditionValueType.NUMERIC
                        && key != ConditionValueType.DATE
                        && key != ConditionValueType.IP_ADDRESS
                        && key != ConditionValueType.BINARY;
            case ARN -> key == ConditionValueType.ARN || key == ConditionValueType.STRING;
            case NUMERIC -> key == ConditionValueType.NUMERIC || key == ConditionValueType.DATE;
            case DATE -> key == ConditionValueType.DATE;
            case BOOLEAN -> key == ConditionValueType.BOOL;
            case IP_ADDRESS -> key == ConditionValueType.IP_ADDRESS;
            case BINARY -> key == ConditionValueType.BINARY;
        };
    }
}
