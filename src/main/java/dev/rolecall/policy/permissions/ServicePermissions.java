package dev.rolecall.policy.permissions;

import java.util.List;

/**
 * What a role may do in one AWS service.
 *
 * @param prefix the service prefix, e.g. {@code s3}
 * @param name the service's name, e.g. {@code Amazon S3}
 * @param levels the access levels with at least one allowed action, in the order List, Read, Write,
 *     Permissions management, Tagging
 * @param removedByBoundary how many actions of this service the identity policies allow but the
 *     permissions boundary does not
 */
public record ServicePermissions(
        String prefix, String name, List<AccessLevelPermissions> levels, int removedByBoundary) {

    public ServicePermissions {
        levels = List.copyOf(levels);
    }

    /** The number of allowed actions over all levels. */
    public int allowedActions() {
        return levels.stream().mapToInt(level -> level.actions().size()).sum();
    }

    /** Whether some allow of this service depends on conditions. */
    public boolean conditional() {
        return levels.stream().anyMatch(AccessLevelPermissions::conditional);
    }
}
