package dev.rolecall.policy.findings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The privilege-escalation methods of {@code policy/privilege-escalation-methods.json}. */
final class EscalationMethods {

    private static final List<EscalationMethod> METHODS = load();

    private EscalationMethods() {}

    static List<EscalationMethod> all() {
        return METHODS;
    }

    private static List<EscalationMethod> load() {
        try (InputStream json =
                EscalationMethods.class.getResourceAsStream("/policy/privilege-escalation-methods.json")) {
            if (json == null) {
                throw new IllegalStateException("privilege-escalation-methods.json is missing from the classpath");
            }
            List<EscalationMethod> methods = new ArrayList<>();
            for (JsonNode method : JsonMapper.builder().build().readTree(json).path("methods")) {
                JsonNode service = method.path("passedToService");
                methods.add(new EscalationMethod(
                        method.path("name").asString(),
                        method.path("actions").values().stream()
                                .map(JsonNode::asString)
                                .toList(),
                        service.isString() ? service.asString() : null,
                        method.path("source").asString()));
            }
            return List.copyOf(methods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
