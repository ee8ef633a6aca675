package dev.rolecall.policy.grammar;

import dev.rolecall.policy.grammar.JsonValue.JsonArray;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Reads elements written as a string or a non-empty array of strings (Action, Resource, principals). */
final class Strings {

    /** A string and where it was written. */
    record Located(String text, SourcePosition at) {}

    private Strings() {}

    /** The strings, or an empty list after reporting why the value is not a string or array of strings. */
    static List<Located> read(StatementScope scope, String element, JsonValue value) {
        if (value instanceof JsonScalar scalar && scalar.isString()) {
            return List.of(new Located(scalar.text(), scalar.at()));
        }
        if (!(value instanceof JsonArray array)) {
            scope.report(
                    element, value.at(), element + " must be a string or an array of strings, not " + value.describe());
            return List.of();
        }
        if (array.items().isEmpty()) {
            scope.report(element, array.at(), element + " must not be an empty array");
            return List.of();
        }
        List<Located> strings = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (item instanceof JsonScalar scalar && scalar.isString()) {
                strings.add(new Located(scalar.text(), scalar.at()));
            } else {
                scope.report(element, item.at(), element + " must contain only strings, not " + item.describe());
            }
        }
        return strings;
    }
}
