package dev.rolecall.policy.model;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The base condition operators of the IAM policy language, without set qualifier and without the
 * {@code IfExists} suffix (see {@link Condition}).
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", ValueType.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", ValueType.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", ValueType.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", ValueType.STRING, true),
    STRING_LIKE("StringLike", ValueType.STRING, false),
    STRING_NOT_LIKE("StringNotLike", ValueType.STRING, true),
    NUMERIC_EQUALS("NumericEquals", ValueType.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", ValueType.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", ValueType.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", ValueType.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", ValueType.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", ValueType.NUMERIC, false),
    DATE_EQUALS("DateEquals", ValueType.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", ValueType.DATE, true),
    DATE_LESS_THAN("DateLessThan", ValueType.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", ValueType.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", ValueType.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", ValueType.DATE, false),
    BOOL("Bool", ValueType.BOOLEAN, false),
    BINARY_EQUALS("BinaryEquals", ValueType.BINARY, false),
    IP_ADDRESS("IpAddress", ValueType.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", ValueType.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", ValueType.ARN, false),
    ARN_LIKE("ArnLike", ValueType.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", ValueType.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", ValueType.ARN, true),
    /** Tests whether the key is absent ({@code "true"}) or present ({@code "false"}). */
    NULL("Null", ValueType.NULL, false);

    /** What kind of value an operator compares. */
    public enum ValueType {
        STRING,
        NUMERIC,
        DATE,
        BOOLEAN,
        BINARY,
        IP_ADDRESS,
        ARN,
        NULL
    }

    private static final Map<String, ConditionOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(op -> op.json.toLowerCase(Locale.ROOT), Function.identity()));

    private final String json;
    private final ValueType type;
    private final boolean negated;

    ConditionOperator(String json, ValueType type, boolean negated) {
        this.json = json;
        this.type = type;
        this.negated = negated;
    }

    /** The name in policy JSON, e.g. {@code StringEquals}. */
    public String json() {
        return json;
    }

    /** What kind of value the operator compares. */
    public ValueType type() {
        return type;
    }

    /**
     * Whether this is a negated operator ({@code StringNotEquals}, {@code NotIpAddress}, …): true
     * when the key's value matches none of the condition's values, and true when the key is absent.
     */
    public boolean negated() {
        return negated;
    }

    /** Whether condition values of this operator may hold policy variables and wildcards. */
    public boolean acceptsVariables() {
        return type == ValueType.STRING || type == ValueType.ARN;
    }

    /** The operator for a name, ignoring case; null if IAM knows no such operator. */
    public static @Nullable ConditionOperator ofJson(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
