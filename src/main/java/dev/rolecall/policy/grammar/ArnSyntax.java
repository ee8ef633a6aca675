package dev.rolecall.policy.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What IAM accepts as an entry of Resource or NotResource: {@code *} or an ARN
 * {@code arn:partition:service:region:account:resource}, where any part may hold wildcards and
 * policy variables (whose own colons, as in {@code ${aws:username}}, do not separate parts). The
 * resource part may be empty: IAM accepts it (an AWS managed policy uses
 * {@code arn:aws:organizations::*:}).
 */
final class ArnSyntax {

    private static final Pattern PARTITION = Pattern.compile("[a-z*?-]+");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9*?-]+");

    private ArnSyntax() {}

    /** Null when the entry is well formed, otherwise why it is not. */
    static @Nullable String problem(String resource) {
        if ("*".equals(resource)) {
            return null;
        }
        String example =
                ": write arn:partition:service:region:account:resource (e.g. arn:aws:s3:::my-bucket/*), or \"*\"";
        if (!resource.startsWith("arn:")) {
            return "\"" + resource + "\" is not an ARN" + example;
        }
        List<String> parts = split(resource);
        if (parts.size() < 6) {
            return "\"" + resource + "\" is not a complete ARN: it has " + parts.size() + " of the 6 parts" + example;
        }
        if (!variableOr(PARTITION, parts.get(1))) {
            return "\"" + resource + "\" has an invalid partition \"" + parts.get(1)
                    + "\": use aws, aws-cn or aws-us-gov";
        }
        if (!variableOr(SERVICE, parts.get(2))) {
            return "\"" + resource + "\" has an invalid service \"" + parts.get(2) + "\": e.g. s3, iam, logs";
        }
        return null;
    }

    /**
     * Splits at colons into at most 6 parts (the resource part keeps its own colons), ignoring colons
     * inside {@code ${…}}.
     */
    static List<String> split(String arn) {
        List<String> parts = new ArrayList<>(6);
        int start = 0;
        int depth = 0;
        for (int i = 0; i < arn.length() && parts.size() < 5; i++) {
            char c = arn.charAt(i);
            if (c == '$' && i + 1 < arn.length() && arn.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(arn.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(arn.substring(start));
        return parts;
    }

    private static boolean variableOr(Pattern pattern, String part) {
        return part.contains("${") || pattern.matcher(part).matches();
    }
}
