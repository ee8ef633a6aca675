package dev.rolecall.policy;

import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.model.ActionPattern;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.ResourcePattern;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a role may do, statement by statement, with wildcards and NotAction expanded against the
 * catalog: each identity Allow cut down to the actions some boundary Allow also covers, minus the
 * actions an unconditional Deny on every resource (in either) takes away.
 *
 * <p>Read for the summary and the diff, not for exact decisions: denies limited to some resources or
 * to conditions are not subtracted (they may not apply), and the resources of boundary statements are
 * not intersected with those of the identity statements. The simulator answers single questions exactly.
 *
 * @param grants the effective allows
 * @param identityAllowed the actions the identity policies allow, after denies, ignoring the boundary
 * @param allowed the actions the role may be allowed on some resource
 */
record RoleAccess(List<Grant> grants, ActionSet identityAllowed, ActionSet allowed) {

    /**
     * Actions allowed by one identity statement.
     *
     * @param resources its Resource patterns, or one "All resources except …" entry for NotResource
     * @param conditional whether the identity statement or the boundary statement letting it through has conditions
     */
    record Grant(ActionSet actions, List<String> resources, boolean conditional, String policy, int statementIndex) {}

    /** How a NotResource entry is shown: every resource except the listed ones. */
    static final String ALL_EXCEPT = "All resources except ";

    /** The effective access of identity policies within boundaries (none: no boundary). */
    static RoleAccess of(IamCatalog catalog, List<PolicyDocument> identity, List<PolicyDocument> boundaries) {
        ActionSet denied = catalog.none();
        for (PolicyDocument policy : identity) {
            denied = denied.union(unconditionalDenies(catalog, policy));
        }
        ActionSet capUnconditional = catalog.none();
        ActionSet capConditional = catalog.none();
        for (PolicyDocument boundary : boundaries) {
            denied = denied.union(unconditionalDenies(catalog, boundary));
            for (Statement statement : boundary.statements()) {
                if (statement.effect() == Effect.ALLOW) {
                    ActionSet actions = actions(catalog, statement);
                    if (statement.isConditional()) {
                        capConditional = capConditional.union(actions);
                    } else {
                        capUnconditional = capUnconditional.union(actions);
                    }
                }
            }
        }
        capConditional = capConditional.minus(capUnconditional);
        List<Grant> grants = new ArrayList<>();
        ActionSet identityAllowed = catalog.none();
        ActionSet allowed = catalog.none();
        for (PolicyDocument policy : identity) {
            for (Statement statement : policy.statements()) {
                if (statement.effect() != Effect.ALLOW || statement.resource() == null) {
                    continue;
                }
                ActionSet actions = actions(catalog, statement).minus(denied);
                identityAllowed = identityAllowed.union(actions);
                List<String> resources = resources(statement);
                if (boundaries.isEmpty()) {
                    add(grants, actions, resources, statement.isConditional(), policy, statement);
                } else {
                    add(
                            grants,
                            actions.intersect(capUnconditional),
                            resources,
                            statement.isConditional(),
                            policy,
                            statement);
                    add(grants, actions.intersect(capConditional), resources, true, policy, statement);
                }
            }
        }
        for (Grant grant : grants) {
            allowed = allowed.union(grant.actions());
        }
        return new RoleAccess(List.copyOf(grants), identityAllowed, allowed);
    }

    /** The actions the identity policies allow but the boundary does not. */
    ActionSet removedByBoundary() {
        return identityAllowed.minus(allowed);
    }

    private static void add(
            List<Grant> grants,
            ActionSet actions,
            List<String> resources,
            boolean conditional,
            PolicyDocument policy,
            Statement statement) {
        if (!actions.isEmpty()) {
            grants.add(new Grant(actions, resources, conditional, policy.name(), statement.index()));
        }
    }

    private static List<String> resources(Statement statement) {
        var element = statement.resource();
        if (element == null) {
            return List.of("*");
        }
        List<String> patterns =
                element.patterns().stream().map(ResourcePattern::text).toList();
        return element.negated() ? List.of(ALL_EXCEPT + String.join(", ", patterns)) : patterns;
    }

    private static ActionSet actions(IamCatalog catalog, Statement statement) {
        List<String> patterns =
                statement.action().patterns().stream().map(ActionPattern::text).toList();
        return statement.action().negated() ? catalog.expandNot(patterns) : catalog.expand(patterns);
    }

    private static ActionSet unconditionalDenies(IamCatalog catalog, PolicyDocument policy) {
        ActionSet denied = catalog.none();
        for (Statement statement : policy.statements()) {
            if (statement.effect() == Effect.DENY
                    && !statement.isConditional()
                    && statement.resource() != null
                    && statement.resource().isAll()) {
                denied = denied.union(actions(catalog, statement));
            }
        }
        return denied;
    }
}
