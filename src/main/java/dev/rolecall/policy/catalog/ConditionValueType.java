package dev.rolecall.policy.catalog;

import java.util.Locale;

/** The value type of a condition key, which decides the condition operators that fit it. */
public enum ConditionValueType {
    STRING,
    ARN,
    NUMERIC,
    DATE,
    BOOL,
    IP_ADDRESS,
    BINARY;

    static ConditionValueType ofCatalogType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "string" -> STRING;
            case "arn" -> ARN;
            case "numeric", "long", "integer" -> NUMERIC;
            case "date" -> DATE;
            case "bool", "boolean" -> BOOL;
            case "ipaddress" -> IP_ADDRESS;
            case "binary" -> BINARY;
            default -> STRING;
        };
    }
}
