package dev.rolecall.policy.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One action of the catalog.
 *
 * @param index position in the catalog, used by {@link ActionSet}
 * @param service the service prefix in lower case, e.g. {@code s3}
 * @param name the action name as AWS spells it, e.g. {@code GetObject}
 * @param accessLevel the access level Rolecall uses, after the reviewed overrides
 * @param catalogAccessLevel the access level the catalog data gives
 * @param resourceTypes the resource types the action works on (empty: only {@code *})
 * @param overrideReason why Rolecall uses another access level than the catalog; null when it does not
 */
public record IamAction(
        int index,
        String service,
        String name,
        AccessLevel accessLevel,
        AccessLevel catalogAccessLevel,
        List<String> resourceTypes,
        @Nullable String overrideReason) {

    /** The action as written in policies, e.g. {@code s3:GetObject}. */
    public String fullName() {
        return service + ":" + name;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
