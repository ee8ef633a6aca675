package dev.rolecall.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * IAM's formats for a role's own fields: name, path, description, maximum session duration and
 * tags. The one place these rules live: request validation and the analysis API both ask here, and
 * what they find is a field error, never a finding, so it never sets a risk level.
 */
public final class RoleFieldRules {

    /** Tags IAM allows on one role. */
    public static final int MAX_TAGS = 50;

    public static final int MIN_SESSION_SECONDS = 3_600;
    public static final int MAX_SESSION_SECONDS = 43_200;

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern DESCRIPTION =
            Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private RoleFieldRules() {}

    /**
     * Every rule at once, for what is given (null: not given, not checked); tags against IAM's
     * {@value #MAX_TAGS} and without reserved keys.
     */
    public static List<PolicyFieldError> check(
            @Nullable String roleName,
            @Nullable String path,
            @Nullable String description,
            @Nullable Integer maxSessionDurationSeconds,
            Map<String, String> tags) {
        List<PolicyFieldError> problems = new ArrayList<>();
        if (roleName != null) {
            problems.addAll(roleName(roleName));
        }
        if (path != null) {
            problems.addAll(path(path));
        }
        if (description != null) {
            problems.addAll(description(description));
        }
        if (maxSessionDurationSeconds != null) {
            problems.addAll(maxSessionDuration(maxSessionDurationSeconds));
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(error("tags", "At most " + MAX_TAGS + " tags per role"));
        }
        problems.addAll(tags(tags, Set.of()));
        return problems;
    }

    public static List<PolicyFieldError> roleName(String name) {
        return ROLE_NAME.matcher(name).matches()
                ? List.of()
                : List.of(error("roleName", "Role name must be 1–64 characters: letters, digits and + = , . @ _ -"));
    }

    public static List<PolicyFieldError> path(String path) {
        return path.length() <= 512 && PATH.matcher(path).matches()
                ? List.of()
                : List.of(error(
                        "path",
                        "Path must be / or start and end with / (e.g. /ci/), at most 512 printable ASCII characters"));
    }

    public static List<PolicyFieldError> description(String description) {
        List<PolicyFieldError> problems = new ArrayList<>();
        if (description.length() > 1000) {
            problems.add(error("description", "Description must be at most 1000 characters"));
        }
        if (!DESCRIPTION.matcher(description).matches()) {
            problems.add(error("description", "Description may contain only printable Latin-1 characters"));
        }
        return problems;
    }

    public static List<PolicyFieldError> maxSessionDuration(int seconds) {
        return seconds >= MIN_SESSION_SECONDS && seconds <= MAX_SESSION_SECONDS
                ? List.of()
                : List.of(error(
                        "maxSessionDurationSeconds",
                        "Session duration must be between " + MIN_SESSION_SECONDS + " and " + MAX_SESSION_SECONDS
                                + " seconds (1–12 h)"));
    }

    /**
     * Each tag's key and value, named {@code tags.<key>}; the count is the caller's, since Rolecall
     * keeps room for tags of its own.
     *
     * @param reservedKeys lower-case keys that the caller sets itself and a person may not
     */
    public static List<PolicyFieldError> tags(Map<String, String> tags, Set<String> reservedKeys) {
        List<PolicyFieldError> problems = new ArrayList<>();
        Set<String> lowerKeys = new HashSet<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String field = "tags." + key;
            String lower = key.toLowerCase(Locale.ROOT);
            if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
                problems.add(
                        error(field, "Tag key must be 1–128 characters: letters, digits, spaces and _ . : / = + - @"));
            } else if (lower.startsWith("aws:")) {
                problems.add(error(field, "Tag keys starting with aws: are reserved by AWS"));
            } else if (reservedKeys.contains(lower)) {
                problems.add(error(field, "Rolecall sets the " + key + " tag itself"));
            } else if (!lowerKeys.add(lower)) {
                problems.add(error(field, "Tag keys must be unique regardless of case"));
            }
            String value = tag.getValue();
            if (value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
                problems.add(error(
                        field,
                        "Tag value must be at most 256 characters: letters, digits, spaces and _ . : / = + - @"));
            }
        }
        return problems;
    }

    private static PolicyFieldError error(String field, String message) {
        return new PolicyFieldError(field, message, 0, 0);
    }
}
