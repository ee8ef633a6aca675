package dev.rolecall.policy.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The catalog's resource ARN formats, indexed by the service part of the ARN. */
final class ArnFormats {

    private static final Set<String> PARTITIONS = Set.of(
            "aws",
            "aws-cn",
            "aws-us-gov",
            "aws-iso",
            "aws-iso-b",
            "aws-iso-e",
            "aws-iso-f",
            "aws-eusc",
            "${aws:partition}");
    private static final Pattern POLICY_VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    private final Map<String, List<Pattern>> resourcePartsByService = new HashMap<>();

    void add(String arnFormat) {
        String[] parts = arnFormat.split(":", 6);
        if (parts.length == 6) {
            resourcePartsByService
                    .computeIfAbsent(parts[2].toLowerCase(Locale.ROOT), service -> new ArrayList<>())
                    .add(Pattern.compile(ConditionKeys.templateRegex(parts[5]), Pattern.DOTALL));
        }
    }

    ResourceCheck check(String resource) {
        if ("*".equals(resource)) {
            return ResourceCheck.KNOWN;
        }
        String[] parts = resource.split(":", 6);
        if (parts.length != 6
                || !"arn".equals(parts[0])
                || !(PARTITIONS.contains(parts[1].toLowerCase(Locale.ROOT)) || hasWildcard(parts[1]))) {
            return ResourceCheck.NOT_AN_ARN;
        }
        if (hasWildcard(parts[2])) {
            return ResourceCheck.KNOWN;
        }
        List<Pattern> formats = resourcePartsByService.get(parts[2].toLowerCase(Locale.ROOT));
        if (formats == null) {
            return ResourceCheck.UNKNOWN_SERVICE;
        }
        String resourcePart = POLICY_VARIABLE.matcher(parts[5]).replaceAll("x");
        int wildcard = firstWildcard(resourcePart);
        for (Pattern format : formats) {
            Matcher matcher = format.matcher(wildcard < 0 ? resourcePart : resourcePart.substring(0, wildcard));
            // With a wildcard, the literal prefix must be able to start an ARN of this format.
            if (matcher.matches() || (wildcard >= 0 && matcher.hitEnd())) {
                return ResourceCheck.KNOWN;
            }
        }
        return ResourceCheck.UNKNOWN_RESOURCE_TYPE;
    }

    private static boolean hasWildcard(String part) {
        return firstWildcard(part) >= 0;
    }

    private static int firstWildcard(String part) {
        int star = part.indexOf('*');
        int question = part.indexOf('?');
        if (star < 0) {
            return question;
        }
        return question < 0 ? star : Math.min(star, question);
    }
}
