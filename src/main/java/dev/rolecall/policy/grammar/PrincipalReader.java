package dev.rolecall.policy.grammar;

import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;
import dev.rolecall.policy.model.PrincipalElement;
import dev.rolecall.policy.model.PrincipalType;
import dev.rolecall.policy.model.PrincipalValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a Principal or NotPrincipal element: {@code "*"} or an object of principal types. */
final class PrincipalReader {

    private PrincipalReader() {}

    static @Nullable PrincipalElement read(StatementScope scope, Member member) {
        String element = member.name();
        boolean negated = element.equals("NotPrincipal");
        JsonValue value = member.value();
        if (isStar(value)) {
            return new PrincipalElement(negated, true, List.of(), member.at());
        }
        if (!(value instanceof JsonObject object)) {
            scope.report(
                    element,
                    value.at(),
                    element + " must be \"*\" or an object such as "
                            + "{\"AWS\": \"arn:aws:iam::123456789012:root\"}, not " + value.describe());
            return null;
        }
        if (object.members().isEmpty()) {
            scope.report(element, object.at(), element + " must name at least one principal");
            return null;
        }
        List<PrincipalValue> values = new ArrayList<>();
        boolean valid = true;
        for (Member typed : object.members()) {
            valid &= readType(scope, element + "." + typed.name(), typed, values);
        }
        if (!valid || values.isEmpty()) {
            return null;
        }
        return new PrincipalElement(negated, false, values, member.at());
    }

    private static boolean isStar(JsonValue value) {
        return value instanceof JsonScalar scalar
                && scalar.isString()
                && scalar.text().equals("*");
    }

    /** Adds the principals of one type to {@code values}; false when the type or one of them is invalid. */
    private static boolean readType(StatementScope scope, String where, Member typed, List<PrincipalValue> values) {
        PrincipalType type = PrincipalType.ofJson(typed.name());
        if (type == null) {
            scope.report(
                    where,
                    typed.at(),
                    "\"" + typed.name() + "\" is not a principal type: use AWS, Service, "
                            + "Federated or CanonicalUser");
            return false;
        }
        boolean valid = true;
        for (Strings.Located entry : Strings.read(scope, where, typed.value())) {
            String problem = PrincipalSyntax.problem(type, entry.text());
            if (problem != null) {
                scope.report(where, entry.at(), problem);
                valid = false;
            } else {
                values.add(new PrincipalValue(type, entry.text(), entry.at()));
            }
        }
        return valid;
    }
}
