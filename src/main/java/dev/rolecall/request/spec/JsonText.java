package dev.rolecall.request.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Parses policy documents typed into forms, turning syntax errors into field problems. */
public final class JsonText {

    private JsonText() {}

    /** Jackson's message without its source and marker details, which mean nothing to a person. */
    private static String plain(String message) {
        int cut = message.indexOf(" (start marker");
        if (cut < 0) {
            cut = message.indexOf(" at [Source");
        }
        String text = cut < 0 ? message : message.substring(0, cut);
        return text.lines().findFirst().orElse(text);
    }

    /** The document, or {@code null} with a problem added for the field. */
    public static @Nullable JsonNode parse(String text, String field, List<FieldProblem> problems) {
        if (text.isBlank()) {
            problems.add(new FieldProblem(field, "Enter a policy document (JSON)"));
            return null;
        }
        try {
            JsonNode node = RoleSpecConverter.JSON.readTree(text);
            if (!node.isObject()) {
                problems.add(new FieldProblem(field, "A policy document must be a JSON object { … }"));
                return null;
            }
            return node;
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            problems.add(
                    new FieldProblem(field, "This is not valid JSON" + where + ": " + plain(e.getOriginalMessage())));
            return null;
        }
    }
}
