package dev.rolecall.policy.permissions;

import java.util.List;

/**
 * One action whose access changed between two versions of a role.
 *
 * @param action e.g. {@code s3:PutObject}
 * @param resources the resource patterns it is newly allowed on (or no longer allowed on)
 */
public record AccessChange(String action, List<String> resources) {

    public AccessChange {
        resources = List.copyOf(resources);
    }

    /** The service prefix, e.g. {@code s3}. */
    public String service() {
        return action.substring(0, action.indexOf(':'));
    }
}
