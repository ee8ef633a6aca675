package dev.rolecall.policy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A policy document to analyse, as the person wrote it.
 *
 * @param name how the person knows it, e.g. {@code trustPolicy} or {@code inlinePolicies.read-logs};
 *     findings use it in their location
 * @param json the document as JSON text; line and column of findings point into it
 */
public record PolicyInput(String name, String json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A document that is already a JSON tree; it is pretty-printed so that findings have useful lines. */
    public static PolicyInput of(String name, JsonNode document) {
        return new PolicyInput(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }
}
