package dev.rolecall.policy.findings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The privilege-escalation methods the analysis knows, each naming the public research it comes
 * from: reference data shipped as {@code policy/privilege-escalation-methods.json} and loaded once,
 * as a bean of the policy module's configuration. Immutable.
 */
public final class EscalationMethods {

    static final String SHIPPED = "/policy/privilege-escalation-methods.json";

    private final List<EscalationMethod> methods;

    EscalationMethods(List<EscalationMethod> methods) {
        this.methods = List.copyOf(methods);
    }

    /** Reads the methods shipped as a resource; each call reads them again. */
    public static EscalationMethods readShipped() {
        try (InputStream json = EscalationMethods.class.getResourceAsStream(SHIPPED)) {
            if (json == null) {
                throw new IllegalStateException("privilege-escalation-methods.json is missing from the classpath");
            }
            return read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads methods from a document of the shipped format; a method without actions or source is refused. */
    static EscalationMethods read(InputStream json) {
        List<EscalationMethod> methods = new ArrayList<>();
        for (JsonNode method : JsonMapper.builder().build().readTree(json).path("methods")) {
            methods.add(method(method));
        }
        return new EscalationMethods(methods);
    }

    private static EscalationMethod method(JsonNode method) {
        String name = method.path("name").asString("");
        List<String> actions =
                method.path("actions").values().stream().map(JsonNode::asString).toList();
        String source = method.path("source").asString("");
        if (name.isBlank() || actions.isEmpty() || source.isBlank()) {
            throw new IllegalStateException("escalation method \"" + name + "\" needs a name, actions and a source");
        }
        JsonNode service = method.path("passedToService");
        return new EscalationMethod(name, actions, service.isString() ? service.asString() : null, source);
    }

    /** Every method, in the order of the file. */
    public List<EscalationMethod> all() {
        return methods;
    }
}
