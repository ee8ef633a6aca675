package dev.rolecall.policy.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of condition keys, looked up case-insensitively. Keys with a variable part, such as
 * {@code aws:PrincipalTag/${TagKey}}, match any value in that part.
 */
public final class ConditionKeys {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    private final Map<String, ConditionKey> exact = new HashMap<>();
    private final List<Map.Entry<Pattern, ConditionKey>> variable = new ArrayList<>();

    void add(ConditionKey key) {
        String lower = key.name().toLowerCase(Locale.ROOT);
        if (VARIABLE.matcher(lower).find()) {
            variable.add(Map.entry(Pattern.compile(templateRegex(key.name()), Pattern.CASE_INSENSITIVE), key));
        } else {
            exact.put(lower, key);
        }
    }

    /** Adds a catalog pattern (a regular expression) that stands for the key {@code template}. */
    void addPattern(String regex, String template) {
        find(template).ifPresent(key -> variable.add(Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), key)));
    }

    /** The key that {@code name} is or instantiates. */
    public Optional<ConditionKey> find(String name) {
        ConditionKey key = exact.get(name.toLowerCase(Locale.ROOT));
        if (key != null) {
            return Optional.of(key);
        }
        for (Map.Entry<Pattern, ConditionKey> entry : variable) {
            if (entry.getKey().matcher(name).matches()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    public int size() {
        return exact.size() + variable.size();
    }

    /** A regular expression for a key or ARN template: each {@code ${Variable}} stands for one or more characters. */
    static String templateRegex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())))
                    .append(".+");
            last = matcher.end();
        }
        return regex.append(Pattern.quote(template.substring(last))).toString();
    }
}
