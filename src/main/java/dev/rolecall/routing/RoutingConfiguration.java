package dev.rolecall.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The routing configuration as an admin reads it: groups, owner groups, rules in order, the default
 * route, and a digest that changes whenever any of it does.
 */
@Service
public class RoutingConfiguration {

    private final RoutingProperties properties;
    private final String digest;

    RoutingConfiguration(RoutingProperties properties) {
        this.properties = properties;
        this.digest = sha256(properties.toString());
    }

    /** Groups by name, each with its members, in alphabetical order. */
    public Map<String, List<String>> groups() {
        Map<String, List<String>> sorted = new TreeMap<>();
        properties
                .groups()
                .forEach((name, members) ->
                        sorted.put(name, members.stream().sorted().toList()));
        return sorted;
    }

    /** Owner groups by account id. */
    public Map<String, String> accountOwners() {
        return new TreeMap<>(properties.accountOwners());
    }

    /** Each rule in order, as one line an admin can read. */
    public List<RuleLine> rules() {
        return RuleLine.of(properties.rules());
    }

    /** The default route's stages, described. */
    public List<String> defaultRoute() {
        return properties.defaultRoute().isEmpty()
                ? List.of("1 of " + RoutingProperties.DEFAULT_GROUP)
                : properties.defaultRoute().stream().map(RuleLine::describe).toList();
    }

    /** The groups whose members may file an emergency request. */
    public List<String> breakGlassGroups() {
        return properties.breakGlass().groups();
    }

    /** SHA-256 of the whole routing configuration: the audit trail records it when it changes. */
    public String digest() {
        return digest;
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
