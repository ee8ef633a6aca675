package dev.rolecall.policy.permissions;

import java.util.List;

/**
 * One access level of one service in an effective-permission summary, as the AWS policy summary shows it.
 *
 * @param level the IAM access level: List, Read, Write, Permissions management or Tagging
 * @param full whether every action of the service at this level is allowed
 * @param actions the allowed actions, e.g. {@code s3:GetObject}, in name order
 * @param catalogActions how many actions the service has at this level
 * @param resources the resource patterns the actions are allowed on; {@code *} for every resource
 * @param conditional whether some of the allows apply only under conditions
 */
public record AccessLevelPermissions(
        String level,
        boolean full,
        List<String> actions,
        int catalogActions,
        List<String> resources,
        boolean conditional) {

    public AccessLevelPermissions {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** {@code Full} or {@code Limited: 3 of 12}, as the AWS console writes it. */
    public String extent() {
        return full ? "Full" : "Limited: " + actions.size() + " of " + catalogActions;
    }

    /** Whether the actions are allowed on every resource. */
    public boolean allResources() {
        return resources.contains("*");
    }
}
