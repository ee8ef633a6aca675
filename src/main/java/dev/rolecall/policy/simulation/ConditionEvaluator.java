package dev.rolecall.policy.simulation;

import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.ConditionOperator;
import dev.rolecall.policy.model.Wildcard;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one condition as AWS documents it:
 * <ul>
 *   <li>several condition values: true when the request value matches any (OR); for negated
 *       operators ({@code StringNotEquals}, {@code NotIpAddress}, …) when it matches none;
 *   <li>key absent from the request: false, except for negated operators and {@code …IfExists}
 *       (true), {@code Null} (tests exactly that) and {@code ForAllValues} (true); a key given
 *       with no values counts as absent;
 *   <li>{@code ForAllValues}: every request value must match; {@code ForAnyValue}: at least one;
 *   <li>a key with several values under an operator without set qualifier: true when any value
 *       matches (negated: when none does);
 *   <li>a request value that is not of the operator's type (not a number, date, IP, ARN) matches
 *       no condition value;
 *   <li>a condition value whose policy variable has no value (and no default) matches nothing. For
 *       a negated operator in an Allow statement AWS documents no outcome; the simulator takes the
 *       cautious reading there and treats the condition as not met.
 * </ul>
 */
final class ConditionEvaluator {

    private ConditionEvaluator() {}

    /**
     * @param allow whether the condition belongs to an Allow statement (for the cautious reading of
     *     variables without value)
     */
    static boolean test(Condition condition, boolean variables, boolean allow, RequestContext request) {
        List<String> values = request.values(condition.key());
        ConditionOperator operator = condition.operator();
        if (operator == ConditionOperator.NULL) {
            String expected = values == null ? "true" : "false";
            return condition.values().stream().anyMatch(expected::equalsIgnoreCase);
        }
        if (values != null
                && allow
                && operator.negated()
                && variables
                && operator.acceptsVariables()
                && operands(condition, true, request).size()
                        < condition.values().size()) {
            return false;
        }
        return switch (condition.set()) {
            case NONE ->
                values == null
                        ? condition.ifExists() || operator.negated()
                        : anyMatches(operator, values, operands(condition, variables, request)) != operator.negated();
            case FOR_ALL_VALUES -> values == null || allSatisfy(condition, values, variables, request);
            case FOR_ANY_VALUE ->
                values == null ? condition.ifExists() : anySatisfies(condition, values, variables, request);
        };
    }

    private static boolean allSatisfy(
            Condition condition, List<String> values, boolean variables, RequestContext request) {
        List<Variables.Resolved> operands = operands(condition, variables, request);
        for (String value : values) {
            if (matchesAny(condition.operator(), value, operands)
                    == condition.operator().negated()) {
                return false;
            }
        }
        return true;
    }

    private static boolean anySatisfies(
            Condition condition, List<String> values, boolean variables, RequestContext request) {
        List<Variables.Resolved> operands = operands(condition, variables, request);
        for (String value : values) {
            if (matchesAny(condition.operator(), value, operands)
                    != condition.operator().negated()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(
            ConditionOperator operator, List<String> values, List<Variables.Resolved> operands) {
        for (String value : values) {
            if (matchesAny(operator, value, operands)) {
                return true;
            }
        }
        return false;
    }

    /** The condition values, with variables resolved for operators that take them; unresolvable ones dropped. */
    private static List<Variables.Resolved> operands(Condition condition, boolean variables, RequestContext request) {
        boolean resolve = variables && condition.operator().acceptsVariables();
        List<Variables.Resolved> operands = new ArrayList<>(condition.values().size());
        for (String value : condition.values()) {
            Variables.Resolved resolved = Variables.resolve(value, resolve, request);
            if (resolved != null) {
                operands.add(resolved);
            }
        }
        return operands;
    }

    private static boolean matchesAny(ConditionOperator operator, String value, List<Variables.Resolved> operands) {
        for (Variables.Resolved operand : operands) {
            if (matches(operator, value, operand)) {
                return true;
            }
        }
        return false;
    }

    /** The operator's positive relation (for negated operators, the relation they negate). */
    private static boolean matches(ConditionOperator operator, String value, Variables.Resolved operand) {
        String expected = operand.text();
        return switch (operator) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> value.equals(expected);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> value.equalsIgnoreCase(expected);
            case STRING_LIKE, STRING_NOT_LIKE -> Wildcard.matches(expected, operand.literal(), value, false);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> compare(Operands.number(value), Operands.number(expected)) == 0;
            case NUMERIC_LESS_THAN -> compare(Operands.number(value), Operands.number(expected)) == -1;
            case NUMERIC_LESS_THAN_EQUALS -> within(compare(Operands.number(value), Operands.number(expected)), -1, 0);
            case NUMERIC_GREATER_THAN -> compare(Operands.number(value), Operands.number(expected)) == 1;
            case NUMERIC_GREATER_THAN_EQUALS ->
                within(compare(Operands.number(value), Operands.number(expected)), 0, 1);
            case DATE_EQUALS, DATE_NOT_EQUALS -> compare(Operands.date(value), Operands.date(expected)) == 0;
            case DATE_LESS_THAN -> compare(Operands.date(value), Operands.date(expected)) == -1;
            case DATE_LESS_THAN_EQUALS -> within(compare(Operands.date(value), Operands.date(expected)), -1, 0);
            case DATE_GREATER_THAN -> compare(Operands.date(value), Operands.date(expected)) == 1;
            case DATE_GREATER_THAN_EQUALS -> within(compare(Operands.date(value), Operands.date(expected)), 0, 1);
            case BOOL -> isBoolean(value) && value.equalsIgnoreCase(expected.strip());
            case BINARY_EQUALS -> Operands.sameBinary(value, expected);
            case IP_ADDRESS, NOT_IP_ADDRESS -> inNetwork(value, expected);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> ArnMatcher.matches(operand, value);
            case NULL -> throw new IllegalStateException("Null is tested on presence");
        };
    }

    /** -1, 0 or 1; 2 when either side is not a value of the type (matches no relation). */
    private static <T extends Comparable<T>> int compare(@Nullable T value, @Nullable T expected) {
        if (value == null || expected == null) {
            return 2;
        }
        return Integer.signum(value.compareTo(expected));
    }

    private static boolean within(int comparison, int low, int high) {
        return comparison >= low && comparison <= high;
    }

    private static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    private static boolean inNetwork(String value, String cidr) {
        Operands.Network network = Operands.network(cidr);
        byte[] ip = Operands.ip(value);
        return network != null && ip != null && network.contains(ip);
    }
}
