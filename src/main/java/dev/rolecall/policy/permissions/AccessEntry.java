package dev.rolecall.policy.permissions;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One allowed action in a list that leads with what is risky.
 *
 * @param action e.g. {@code iam:PassRole}
 * @param service the service prefix, e.g. {@code iam}
 * @param serviceName the service's name, e.g. {@code AWS Identity and Access Management (IAM)}
 * @param level the IAM access level: List, Read, Write, Permissions management or Tagging
 * @param resources the resource patterns it is allowed on; {@code *} for every resource
 * @param concern why a reviewer should read it first, or null when nothing stands out
 */
public record AccessEntry(
        String action,
        String service,
        String serviceName,
        String level,
        List<String> resources,
        @Nullable AccessConcern concern) {

    public AccessEntry {
        resources = List.copyOf(resources);
    }

    /** Whether it is allowed on every resource. */
    public boolean onEveryResource() {
        return resources.contains("*");
    }

    /**
     * Whether the action, its service (prefix or name), its access level or one of its resources contains
     * {@code query}, ignoring case. A blank query matches everything.
     */
    public boolean matches(String query) {
        String wanted = query.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        return contains(action, wanted)
                || contains(serviceName, wanted)
                || contains(level, wanted)
                || (concern != null && contains(concern.label(), wanted))
                || resources.stream().anyMatch(resource -> contains(resource, wanted));
    }

    private static boolean contains(String text, String wanted) {
        return text.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
