package dev.rolecall.policy.catalog;

/**
 * A reviewed correction of an access level the catalog data gives, for security purposes
 * (e.g. a call that only reads a resource policy but is labelled "Permissions management").
 *
 * @param action the action, e.g. {@code billing:GetResourcePolicy}
 * @param catalogLevel the level the catalog gives (checked, so a catalog refresh that changes it is noticed)
 * @param level the level Rolecall uses instead
 * @param reason why, for the reviewer of the list
 */
public record AccessLevelOverride(String action, AccessLevel catalogLevel, AccessLevel level, String reason) {}
