package dev.rolecall.request.spec;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Pretty-prints documents for pages ({@code @policyDocuments} in templates). */
@Component("policyDocuments")
public class PolicyDocuments {

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public String pretty(JsonNode document) {
        return format(document);
    }

    /** The document indented two spaces a level, keys in the order they were written. */
    public static String format(JsonNode document) {
        return PRETTY.writeValueAsString(document);
    }

    public String prettyText(String json) {
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(json));
        } catch (JacksonException e) {
            return json;
        }
    }
}
