package dev.rolecall.policy.grammar;

import dev.rolecall.policy.grammar.JsonValue.JsonArray;
import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;
import dev.rolecall.policy.grammar.JsonValue.ScalarType;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.ConditionOperator;
import dev.rolecall.policy.model.SetOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads a Condition block: {@code {"operator": {"key": value or [values]}}}. */
final class ConditionReader {

    private static final String IF_EXISTS = "ifexists";

    private ConditionReader() {}

    static List<Condition> read(StatementScope scope, JsonValue block) {
        if (!(block instanceof JsonObject object)) {
            scope.report(
                    "Condition",
                    block.at(),
                    "Condition must be an object of operators, e.g. "
                            + "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"payments\"}}, not " + block.describe());
            return List.of();
        }
        if (object.members().isEmpty()) {
            scope.report("Condition", object.at(), "Condition must not be empty: remove it or add an operator");
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        for (Member operator : object.members()) {
            readOperator(scope, operator, conditions);
        }
        return conditions;
    }

    private static void readOperator(StatementScope scope, Member member, List<Condition> conditions) {
        String where = "Condition." + member.name();
        Operator operator = Operator.parse(member.name());
        if (operator == null) {
            scope.report(
                    where,
                    member.at(),
                    "\"" + member.name() + "\" is not a condition operator, e.g. "
                            + "StringEquals, ArnLike, Bool, IpAddress, ForAnyValue:StringLike, StringEqualsIfExists");
            return;
        }
        if (operator.base() == ConditionOperator.NULL && (operator.ifExists() || operator.set() != SetOperator.NONE)) {
            scope.report(where, member.at(), "Null takes no IfExists suffix and no ForAllValues/ForAnyValue prefix");
            return;
        }
        if (!(member.value() instanceof JsonObject keys) || keys.members().isEmpty()) {
            scope.report(
                    where,
                    member.value().at(),
                    member.name()
                            + " must be an object of condition keys and values, e.g. {\"aws:SourceAccount\": \"123456789012\"}");
            return;
        }
        for (Member key : keys.members()) {
            readKey(scope, where, member.name(), operator, key, conditions);
        }
    }

    /** Adds the condition of one key under an operator, or reports why its key or values are invalid. */
    private static void readKey(
            StatementScope scope,
            String where,
            String operatorName,
            Operator operator,
            Member key,
            List<Condition> conditions) {
        List<String> values = values(scope, where + "." + key.name(), key.value());
        String valueProblem = values == null ? null : ConditionValues.problem(operator.base(), values);
        if (key.name().isBlank()) {
            scope.report(where, key.at(), "condition key must not be empty");
        } else if (values != null && operator.base() == ConditionOperator.NULL && !booleans(values)) {
            scope.report(
                    where + "." + key.name(),
                    key.value().at(),
                    "Null takes \"true\" (the key is absent) or \"false\" (the key is present)");
        } else if (valueProblem != null) {
            scope.report(where + "." + key.name(), key.value().at(), valueProblem);
        } else if (values != null) {
            conditions.add(new Condition(
                    operatorName, operator.base(), operator.set(), operator.ifExists(), key.name(), values, key.at()));
        }
    }

    private static @Nullable List<String> values(StatementScope scope, String where, JsonValue value) {
        if (value instanceof JsonScalar scalar) {
            return scalar(scope, where, scalar) ? List.of(scalar.text()) : null;
        }
        if (!(value instanceof JsonArray array) || array.items().isEmpty()) {
            scope.report(
                    where,
                    value.at(),
                    "condition values must be a string, number, boolean or a non-empty " + "array of them, not "
                            + (value instanceof JsonArray ? "an empty array" : value.describe()));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (!(item instanceof JsonScalar scalar)) {
                scope.report(
                        where,
                        item.at(),
                        "condition values must be strings, numbers or booleans, not " + item.describe());
                return null;
            }
            if (!scalar(scope, where, scalar)) {
                return null;
            }
            values.add(scalar.text());
        }
        return values;
    }

    private static boolean scalar(StatementScope scope, String where, JsonScalar scalar) {
        if (scalar.type() == ScalarType.NULL) {
            scope.report(
                    where,
                    scalar.at(),
                    "condition values must not be null; use the Null operator to test " + "whether a key is present");
            return false;
        }
        return true;
    }

    private static boolean booleans(List<String> values) {
        return values.stream().allMatch(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"));
    }

    /** An operator name taken apart: set prefix, base operator, IfExists suffix. */
    record Operator(SetOperator set, ConditionOperator base, boolean ifExists) {

        static @Nullable Operator parse(String name) {
            String rest = name;
            SetOperator set = SetOperator.NONE;
            for (SetOperator candidate : List.of(SetOperator.FOR_ALL_VALUES, SetOperator.FOR_ANY_VALUE)) {
                if (rest.regionMatches(
                        true, 0, candidate.prefix(), 0, candidate.prefix().length())) {
                    set = candidate;
                    rest = rest.substring(candidate.prefix().length());
                }
            }
            boolean ifExists = rest.length() > IF_EXISTS.length()
                    && rest.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS);
            if (ifExists) {
                rest = rest.substring(0, rest.length() - IF_EXISTS.length());
            }
            ConditionOperator base = ConditionOperator.ofJson(rest);
            return base == null ? null : new Operator(set, base, ifExists);
        }
    }
}
