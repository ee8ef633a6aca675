package dev.rolecall.policy.catalog;

/**
 * A condition key of the catalog.
 *
 * @param name the key as AWS spells it, possibly with a variable part, e.g. {@code aws:PrincipalTag/${TagKey}}
 * @param type the type of its values
 * @param multiValued whether a request can carry several values (ArrayOf… types), which is what
 *     {@code ForAllValues}/{@code ForAnyValue} are for
 */
public record ConditionKey(String name, ConditionValueType type, boolean multiValued) {

    /** Parses the catalog's type names: {@code String}, {@code ArrayOfARN}, {@code Bool} … */
    static ConditionKey of(String name, String catalogType) {
        boolean multi = catalogType.startsWith("ArrayOf");
        String single = multi ? catalogType.substring("ArrayOf".length()) : catalogType;
        return new ConditionKey(name, ConditionValueType.ofCatalogType(single), multi);
    }
}
