package dev.rolecall.policy.simulation;

import static dev.rolecall.policy.simulation.SimulationInputReader.error;
import static dev.rolecall.policy.simulation.SimulationInputReader.isNull;

import dev.rolecall.policy.grammar.JsonValue;
import dev.rolecall.policy.grammar.JsonValue.JsonArray;
import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;
import dev.rolecall.policy.grammar.JsonValue.ScalarType;
import dev.rolecall.policy.model.SourcePosition;
import dev.rolecall.policy.permissions.AccessRequest;
import dev.rolecall.policy.simulation.SimulationInputReader.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code request} of a simulation: {@code action} (one concrete action), {@code resource}
 * ({@code *} when left out), {@code principal}, {@code resourceAccount} and {@code context} (key to a
 * value or an array of values).
 */
final class AccessRequestReader {

    private static final Set<String> FIELDS = Set.of("action", "resource", "principal", "resourceAccount", "context");

    private AccessRequestReader() {}

    static @Nullable AccessRequest read(@Nullable JsonValue value, SourcePosition bodyAt, List<FieldError> errors) {
        if (!(value instanceof JsonObject request)) {
            errors.add(error(
                    "request",
                    value == null ? bodyAt : value.at(),
                    "is required: {\"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::bucket/key\"}"));
            return null;
        }
        unknownFields(request, errors);
        String action = text(request, "action", true, errors);
        String resource = text(request, "resource", false, errors);
        String principal = text(request, "principal", false, errors);
        String account = text(request, "resourceAccount", false, errors);
        checkFormats(request, action, account, errors);
        Map<String, List<String>> context = context(request.get("context"), errors);
        if (action == null) {
            return null;
        }
        return new AccessRequest(action, resource == null ? "*" : resource, principal, account, context);
    }

    private static void unknownFields(JsonObject request, List<FieldError> errors) {
        for (Member member : request.members()) {
            if (!FIELDS.contains(member.name())) {
                errors.add(
                        error("request." + member.name(), member.at(), "is not a field of a request; use " + FIELDS));
            }
        }
    }

    /** The account must be an account ID and the action one action, when they are given. */
    private static void checkFormats(
            JsonObject request, @Nullable String action, @Nullable String account, List<FieldError> errors) {
        if (account != null && !account.matches("\\d{12}")) {
            errors.add(error(
                    "request.resourceAccount",
                    fieldAt(request, "resourceAccount"),
                    "must be a 12-digit AWS account ID"));
        }
        if (action != null && !action.equals("*") && !action.matches("[A-Za-z0-9-]+:[A-Za-z0-9_.-]+")) {
            errors.add(error(
                    "request.action",
                    fieldAt(request, "action"),
                    "must be one action like s3:GetObject, without wildcards"));
        }
    }

    /** Where a field's value is in the text, or the request itself when the field is absent. */
    private static SourcePosition fieldAt(JsonObject request, String field) {
        JsonValue value = request.get(field);
        return value == null ? request.at() : value.at();
    }

    private static @Nullable String text(JsonObject object, String field, boolean required, List<FieldError> errors) {
        JsonValue value = object.get(field);
        if (value == null || isNull(value)) {
            if (required) {
                errors.add(error("request." + field, object.at(), "is required"));
            }
            return null;
        }
        if (value instanceof JsonScalar scalar
                && scalar.isString()
                && !scalar.text().isBlank()) {
            return scalar.text();
        }
        errors.add(error("request." + field, value.at(), "must be a non-empty string"));
        return null;
    }

    private static Map<String, List<String>> context(@Nullable JsonValue value, List<FieldError> errors) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (value == null || isNull(value)) {
            return context;
        }
        if (!(value instanceof JsonObject object)) {
            errors.add(error("request.context", value.at(), "must be an object of condition keys and values"));
            return context;
        }
        for (Member key : object.members()) {
            List<String> values = new ArrayList<>();
            List<JsonValue> items = key.value() instanceof JsonArray array ? array.items() : List.of(key.value());
            for (JsonValue item : items) {
                if (item instanceof JsonScalar scalar && scalar.type() != ScalarType.NULL) {
                    values.add(scalar.text());
                } else {
                    errors.add(error(
                            "request.context." + key.name(),
                            item.at(),
                            "values must be strings, numbers or booleans, or an array of them"));
                }
            }
            context.put(key.name(), values);
        }
        return context;
    }
}
