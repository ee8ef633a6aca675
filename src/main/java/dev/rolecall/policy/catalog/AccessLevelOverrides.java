package dev.rolecall.policy.catalog;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code policy/access-level-overrides.json}: the reviewed access-level corrections by action. */
final class AccessLevelOverrides {

    private AccessLevelOverrides() {}

    /** The overrides by lower-case action name, in file order. */
    static Map<String, AccessLevelOverride> read(InputStream json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        Map<String, AccessLevelOverride> overrides = new LinkedHashMap<>();
        for (JsonNode entry : root.path("overrides")) {
            AccessLevelOverride override = new AccessLevelOverride(
                    entry.path("action").asString(),
                    AccessLevel.ofLabel(entry.path("catalogLevel").asString()),
                    AccessLevel.ofLabel(entry.path("level").asString()),
                    entry.path("reason").asString());
            if (override.reason().isBlank()) {
                throw new IllegalStateException("access-level override for " + override.action() + " has no reason");
            }
            overrides.put(override.action().toLowerCase(Locale.ROOT), override);
        }
        return overrides;
    }
}
