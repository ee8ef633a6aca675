package dev.rolecall.policy.grammar;

import dev.rolecall.policy.model.SourcePosition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value that remembers where it was written. Only what the policy grammar needs: objects keep
 * their members in order (duplicates are reported by the reader), scalars keep their text.
 */
public sealed interface JsonValue permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonScalar {

    /** Where the value starts. */
    SourcePosition at();

    /** A short name of the value's JSON type for messages, e.g. "an array". */
    String describe();

    /** A member of an object. */
    record Member(String name, SourcePosition at, JsonValue value) {}

    /** A JSON object. */
    record JsonObject(List<Member> members, SourcePosition at) implements JsonValue {

        public JsonObject {
            members = List.copyOf(members);
        }

        /** The member with this exact name, or null. */
        public @Nullable Member member(String name) {
            for (Member member : members) {
                if (member.name().equals(name)) {
                    return member;
                }
            }
            return null;
        }

        /** The value of the member with this exact name, or null. */
        public @Nullable JsonValue get(String name) {
            Member member = member(name);
            return member == null ? null : member.value();
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> items, SourcePosition at) implements JsonValue {

        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    /** The kinds of JSON scalar. */
    enum ScalarType {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    /**
     * A string, number, boolean or null.
     *
     * @param text the string's content, the number's literal text, {@code true}/{@code false}, or {@code null}
     */
    record JsonScalar(ScalarType type, String text, SourcePosition at) implements JsonValue {

        /** Whether this is a JSON string. */
        public boolean isString() {
            return type == ScalarType.STRING;
        }

        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }
}
