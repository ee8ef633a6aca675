package dev.rolecall.policy.grammar;

import dev.rolecall.policy.grammar.JsonValue.JsonArray;
import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;
import dev.rolecall.policy.grammar.JsonValue.ScalarType;
import dev.rolecall.policy.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads JSON text into {@link JsonValue}s with the line and column of every value, using Jackson's
 * streaming parser with {@link StreamReadConstraints} for depth and length, so oversized or deeply
 * nested input fails fast with a clean message instead of a stack overflow. Duplicate member names
 * are kept (the first wins) and reported through {@link Result#duplicates()}.
 */
public final class JsonReader {

    /** A read document and the duplicate member names found in it. */
    public record Result(JsonValue value, List<Member> duplicates) {}

    private final JsonLimits limits;
    private final JsonFactory factory;

    public JsonReader(JsonLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxDocumentLength(limits.maxLength())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxLength()))
                        .build())
                .build();
    }

    /** Reads one JSON value from text; trailing content after it is an error. */
    public Result read(String text) {
        if (text.length() > limits.maxLength()) {
            throw new JsonReadException(
                    "is too long: " + text.length() + " characters, at most " + limits.maxLength() + " are accepted",
                    new SourcePosition(1, 1));
        }
        List<Member> duplicates = new ArrayList<>();
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonReadException("is empty: expected a JSON object", new SourcePosition(1, 1));
            }
            JsonValue value = readValue(parser, duplicates);
            if (parser.nextToken() != null) {
                throw new JsonReadException("has more text after the JSON value ends", position(parser));
            }
            return new Result(value, duplicates);
        } catch (StreamConstraintsException e) {
            throw new JsonReadException(constraintMessage(e), position(e.getLocation()));
        } catch (JsonReadException e) {
            throw e;
        } catch (JacksonException e) {
            throw new JsonReadException(
                    "is not valid JSON: " + firstLine(e.getOriginalMessage()), position(e.getLocation()));
        }
    }

    /** Converts a parsed tree; positions are unknown. Depth is checked against the same limit. */
    public Result read(JsonNode node) {
        List<Member> duplicates = List.of();
        return new Result(convert(node, 1), duplicates);
    }

    private JsonValue readValue(JsonParser parser, List<Member> duplicates) {
        SourcePosition at = position(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(parser, at, duplicates);
            case START_ARRAY -> readArray(parser, at, duplicates);
            case VALUE_STRING -> new JsonScalar(ScalarType.STRING, parser.getString(), at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonScalar(ScalarType.NUMBER, parser.getText(), at);
            case VALUE_TRUE, VALUE_FALSE -> new JsonScalar(ScalarType.BOOLEAN, parser.getText(), at);
            case VALUE_NULL -> new JsonScalar(ScalarType.NULL, "null", at);
            default -> throw new JsonReadException("is not valid JSON: unexpected " + token, at);
        };
    }

    /** The members of an object; a name given again goes to {@code duplicates}, the first one counts. */
    private JsonObject readObject(JsonParser parser, SourcePosition at, List<Member> duplicates) {
        List<Member> members = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            SourcePosition nameAt = position(parser);
            parser.nextToken();
            Member member = new Member(name, nameAt, readValue(parser, duplicates));
            if (names.add(name)) {
                members.add(member);
            } else {
                duplicates.add(member);
            }
        }
        return new JsonObject(members, at);
    }

    private JsonArray readArray(JsonParser parser, SourcePosition at, List<Member> duplicates) {
        List<JsonValue> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, duplicates));
        }
        return new JsonArray(items, at);
    }

    private JsonValue convert(JsonNode node, int depth) {
        SourcePosition at = SourcePosition.UNKNOWN;
        if (node.isContainer() && depth > limits.maxDepth()) {
            throw new JsonReadException("is nested too deeply: more than " + limits.maxDepth() + " levels", at);
        }
        if (node.isObject()) {
            List<Member> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                members.add(new Member(property.getKey(), at, convert(property.getValue(), depth + 1)));
            }
            return new JsonObject(members, at);
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>();
            for (JsonNode item : node) {
                items.add(convert(item, depth + 1));
            }
            return new JsonArray(items, at);
        }
        if (node.isString()) {
            return new JsonScalar(ScalarType.STRING, node.asString(), at);
        }
        if (node.isNumber()) {
            return new JsonScalar(ScalarType.NUMBER, node.asString(), at);
        }
        if (node.isBoolean()) {
            return new JsonScalar(ScalarType.BOOLEAN, node.asString(), at);
        }
        return new JsonScalar(ScalarType.NULL, "null", at);
    }

    private String constraintMessage(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.toLowerCase().contains("nesting depth")) {
            return "is nested too deeply: more than " + limits.maxDepth() + " levels of objects and arrays";
        }
        if (message != null && message.toLowerCase().contains("document length")) {
            return "is too long: at most " + limits.maxLength() + " characters are accepted";
        }
        return "is too large: " + firstLine(message);
    }

    private static SourcePosition position(JsonParser parser) {
        return position(parser.currentTokenLocation());
    }

    private static SourcePosition position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourcePosition.UNKNOWN;
        }
        return new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
