package dev.rolecall.policy.model;

/** The set qualifier in front of a condition operator, for keys with several values. */
public enum SetOperator {
    /** No qualifier: the key is compared as a single value. */
    NONE(""),
    /**
     * {@code ForAllValues:} true when every value of the key in the request matches; also true
     * when the key is missing or has no values.
     */
    FOR_ALL_VALUES("ForAllValues:"),
    /**
     * {@code ForAnyValue:} true when at least one value of the key in the request matches; false
     * when the key is missing or has no values.
     */
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    SetOperator(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix as written in policy JSON, including the colon; empty for {@link #NONE}. */
    public String prefix() {
        return prefix;
    }
}
