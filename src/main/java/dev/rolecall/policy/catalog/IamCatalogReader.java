package dev.rolecall.policy.catalog;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds an {@link IamCatalog} from the catalog document written by {@code src/scripts/update-iam-catalog}. */
final class IamCatalogReader {

    private IamCatalogReader() {}

    static IamCatalog read(InputStream json, Map<String, AccessLevelOverride> overrides) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<IamAction> actions = new ArrayList<>();
        Map<String, IamService> services = new LinkedHashMap<>();
        ArnFormats arnFormats = new ArnFormats();
        Map<String, List<Integer>> carriers = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : new TreeMap<>(fields(root.path("services"))).entrySet()) {
            IamService service = readService(
                    entry.getKey().toLowerCase(Locale.ROOT), entry.getValue(), actions, overrides, arnFormats);
            services.put(service.prefix(), service);
            readCarriers(service, entry.getValue(), carriers);
        }
        ConditionKeys global = globalConditionKeys(root);
        Map<String, List<String>> aliases = conditionKeyAliases(root);
        return new IamCatalog(
                root.path("source").asString(),
                root.path("version").asString(),
                Instant.parse(root.path("updatedAt").asString()),
                Map.copyOf(services),
                List.copyOf(actions),
                global,
                aliases,
                arnFormats,
                List.copyOf(overrides.values()),
                carriedKeys(carriers));
    }

    private static ConditionKeys globalConditionKeys(JsonNode root) {
        ConditionKeys global = new ConditionKeys();
        fields(root.path("globalConditionKeys"))
                .forEach((name, type) -> global.add(ConditionKey.of(name, type.asString())));
        return global;
    }

    private static Map<String, List<String>> conditionKeyAliases(JsonNode root) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        fields(root.path("conditionKeyAliases"))
                .forEach((prefix, targets) -> aliases.put(
                        prefix,
                        targets.values().stream().map(JsonNode::asString).toList()));
        return aliases;
    }

    /**
     * Records which actions of the service carry which of its condition keys: the keys of the action's
     * row in the Service Authorization Reference ({@code actionConditionKeys}) and those of the resource
     * types it takes ({@code resourceTypeConditionKeys}). Global {@code aws:} keys are left out: Rolecall
     * counts them as carried by every action.
     */
    private static void readCarriers(IamService service, JsonNode node, Map<String, List<Integer>> carriers) {
        Map<String, JsonNode> actionKeys = new HashMap<>();
        fields(node.path("actionConditionKeys"))
                .forEach((name, keys) -> actionKeys.put(name.toLowerCase(Locale.ROOT), keys));
        Map<String, JsonNode> typeKeys = new HashMap<>();
        fields(node.path("resourceTypeConditionKeys"))
                .forEach((name, keys) -> typeKeys.put(name.toLowerCase(Locale.ROOT), keys));
        for (IamAction action : service.actions()) {
            Set<String> keys = new TreeSet<>();
            addKeys(actionKeys.get(action.name().toLowerCase(Locale.ROOT)), keys);
            for (String type : action.resourceTypes()) {
                addKeys(typeKeys.get(type.toLowerCase(Locale.ROOT)), keys);
            }
            for (String key : keys) {
                carriers.computeIfAbsent(key, k -> new ArrayList<>()).add(action.index());
            }
        }
    }

    private static void addKeys(@Nullable JsonNode names, Set<String> keys) {
        if (names == null) {
            return;
        }
        for (JsonNode name : names.values()) {
            String key = name.asString().toLowerCase(Locale.ROOT);
            if (!key.startsWith("aws:")) {
                keys.add(key);
            }
        }
    }

    private static Map<String, int[]> carriedKeys(Map<String, List<Integer>> carriers) {
        Map<String, int[]> result = new HashMap<>();
        carriers.forEach((key, indexes) ->
                result.put(key, indexes.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(result);
    }

    private static IamService readService(
            String prefix,
            JsonNode node,
            List<IamAction> actions,
            Map<String, AccessLevelOverride> overrides,
            ArnFormats arnFormats) {
        List<IamAction> own = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> entries =
                new ArrayList<>(fields(node.path("actions")).entrySet());
        entries.sort(Comparator.comparing(e -> e.getKey().toLowerCase(Locale.ROOT)));
        for (Map.Entry<String, JsonNode> entry : entries) {
            IamAction action = readAction(actions.size(), prefix, entry.getKey(), entry.getValue(), overrides);
            actions.add(action);
            own.add(action);
        }
        Map<String, String> resourceTypes = new LinkedHashMap<>();
        fields(node.path("resourceTypes")).forEach((name, arn) -> {
            resourceTypes.put(name, arn.asString());
            arnFormats.add(arn.asString());
        });
        ConditionKeys keys = new ConditionKeys();
        fields(node.path("conditionKeys")).forEach((name, type) -> keys.add(ConditionKey.of(name, type.asString())));
        fields(node.path("conditionPatterns"))
                .forEach((regex, template) -> keys.addPattern(regex, template.asString()));
        return new IamService(
                prefix, node.path("name").asString(prefix), List.copyOf(own), Map.copyOf(resourceTypes), keys);
    }

    /** One action: {@code details} holds its access level, then the resource types it takes. */
    private static IamAction readAction(
            int index, String prefix, String name, JsonNode details, Map<String, AccessLevelOverride> overrides) {
        AccessLevel level = AccessLevel.ofLabel(details.get(0).asString());
        List<String> resourceTypes = new ArrayList<>();
        for (int i = 1; i < details.size(); i++) {
            resourceTypes.add(details.get(i).asString());
        }
        AccessLevelOverride override = overrides.get(prefix + ":" + name.toLowerCase(Locale.ROOT));
        return new IamAction(
                index,
                prefix,
                name,
                override == null ? level : override.level(),
                level,
                List.copyOf(resourceTypes),
                override == null ? null : override.reason());
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.forEachEntry(fields::put);
        return fields;
    }
}
