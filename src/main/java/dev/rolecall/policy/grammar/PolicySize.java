package dev.rolecall.policy.grammar;

import dev.rolecall.policy.grammar.JsonValue.JsonArray;
import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;

/**
 * A policy's size as IAM counts it against its quotas: the characters of the JSON text, not
 * counting whitespace.
 */
public final class PolicySize {

    private PolicySize() {}

    /** The size of JSON text as written. */
    public static int of(String json) {
        int count = 0;
        for (int i = 0; i < json.length(); i++) {
            if (!Character.isWhitespace(json.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    /** The size of a JSON value written compactly (as when the text is not at hand). */
    public static int of(JsonValue value) {
        if (value instanceof JsonObject object) {
            int size = 2 + Math.max(0, object.members().size() - 1);
            for (Member member : object.members()) {
                size += string(member.name()) + 1 + of(member.value());
            }
            return size;
        }
        if (value instanceof JsonArray array) {
            int size = 2 + Math.max(0, array.items().size() - 1);
            for (JsonValue item : array.items()) {
                size += of(item);
            }
            return size;
        }
        JsonScalar scalar = (JsonScalar) value;
        return scalar.isString() ? string(scalar.text()) : of(scalar.text());
    }

    private static int string(String text) {
        int size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                size += 2;
            } else if (c < 0x20) {
                size += 6;
            } else if (!Character.isWhitespace(c)) {
                size++;
            }
        }
        return size;
    }
}
