package dev.rolecall.policy.findings;

import dev.rolecall.policy.catalog.AccessLevel;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.permissions.AccessConcern;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which allowed actions a reviewer should read first, from the same action sets the permission checks
 * use, so that the request page and the findings agree on what is risky.
 */
public final class AccessConcerns {

    private static final String PASS_ROLE = "iam:PassRole";

    private final IamCatalog catalog;
    private final SensitiveActions sensitive;
    private final ActionSet credentials;
    private final ResourceReach reach;

    public AccessConcerns(IamCatalog catalog, EscalationMethods methods) {
        this.catalog = catalog;
        this.sensitive = new SensitiveActions(catalog, methods);
        // Credentials count on any resource: an action that only works on * still hands them out.
        this.credentials = catalog.actionsNamed(SensitiveActions.CREDENTIALS);
        this.reach = new ResourceReach(catalog);
    }

    /**
     * Whether an action is allowed on every resource of its type by these resource patterns: {@code *},
     * or an ARN that covers every resource of the type, in every account or in one (as the findings
     * count it).
     */
    public boolean onEveryResource(IamAction action, List<String> resources) {
        for (String resource : resources) {
            if (resource.equals("*")) {
                return true;
            }
            ResourceReach.Covered covered = reach.of(resource, action.service());
            if (action.resourceTypes().stream()
                    .anyMatch(type -> covered.everyAccount().contains(type)
                            || covered.oneAccount().contains(type))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The actions of every privilege-escalation method that {@code allowed} holds completely. Conditions
     * such as {@code iam:PassedToService} are not weighed here; the findings panel does that.
     */
    public ActionSet escalating(ActionSet allowed) {
        ActionSet escalating = catalog.none();
        for (SensitiveActions.Escalation escalation : sensitive.escalations) {
            if (allowed.containsAll(escalation.actions())) {
                escalating = escalating.union(escalation.actions());
            }
        }
        return escalating;
    }

    /**
     * The concern of one allowed action, or null when nothing stands out.
     *
     * @param onEveryResource whether it is allowed on {@code *}
     * @param escalating what {@link #escalating(ActionSet)} returned for the role
     */
    public @Nullable AccessConcern of(IamAction action, boolean onEveryResource, ActionSet escalating) {
        if (escalating.contains(action) || (onEveryResource && action.fullName().equals(PASS_ROLE))) {
            return AccessConcern.PRIVILEGE_ESCALATION;
        }
        if (action.accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT) {
            return AccessConcern.PERMISSIONS_MANAGEMENT;
        }
        if (credentials.contains(action)) {
            return AccessConcern.CREDENTIALS_EXPOSURE;
        }
        if (onEveryResource && sensitive.write.contains(action)) {
            return AccessConcern.WRITE_ON_EVERY_RESOURCE;
        }
        if (onEveryResource && sensitive.dataExfiltration.contains(action)) {
            return AccessConcern.DATA_READ_ON_EVERY_RESOURCE;
        }
        return null;
    }
}
