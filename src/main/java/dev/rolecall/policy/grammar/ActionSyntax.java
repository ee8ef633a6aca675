package dev.rolecall.policy.grammar;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What IAM accepts as an entry of Action or NotAction: {@code *} or {@code service:Name}. */
final class ActionSyntax {

    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.*?-]+");

    private ActionSyntax() {}

    /** Null when the entry is well formed, otherwise why it is not. */
    static @Nullable String problem(String action) {
        if ("*".equals(action)) {
            return null;
        }
        int colon = action.indexOf(':');
        if (colon < 0) {
            return "\"" + action + "\" is not an action: write service:Action, e.g. s3:GetObject, or \"*\"";
        }
        String service = action.substring(0, colon);
        String name = action.substring(colon + 1);
        if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
            return "\"" + action + "\" has a wildcard in the service prefix, which IAM rejects: "
                    + "name the service in full, e.g. s3:Get*";
        }
        if (!SERVICE.matcher(service).matches()) {
            return "\"" + action + "\" has an invalid service prefix: use letters, digits and hyphens, e.g. s3, "
                    + "execute-api";
        }
        if (name.isEmpty() || name.indexOf(':') >= 0 || !NAME.matcher(name).matches()) {
            return "\"" + action + "\" has an invalid action name: use letters and digits, with * or ? as wildcards";
        }
        return null;
    }
}
