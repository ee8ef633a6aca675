package dev.rolecall.policy.findings;

import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a role is effectively allowed: each Allow statement of its identity policies, cut down to
 * what an Allow statement of the permissions boundary also allows, minus what an unconditional Deny
 * on every resource takes away. Conditional or resource-scoped denies are kept out of the
 * subtraction, since they may not apply: the set errs on the side of more access.
 */
final class EffectivePermissions {

    private final List<Grant> grants;
    private final ActionSet anywhere;
    private final ActionSet onAllResources;

    private EffectivePermissions(List<Grant> grants, ActionSet none) {
        this.grants = List.copyOf(grants);
        ActionSet any = none;
        ActionSet all = none;
        for (Grant grant : grants) {
            any = any.union(grant.actions());
            if (grant.allResources()) {
                all = all.union(grant.actions());
            }
        }
        this.anywhere = any;
        this.onAllResources = all;
    }

    static EffectivePermissions of(
            StatementActions actions, List<PolicyDocument> identity, @Nullable PolicyDocument boundary) {
        ActionSet denied = actions.none();
        List<Grant> allowed = new ArrayList<>();
        for (PolicyDocument policy : identity) {
            denied = denied.union(unconditionalDenies(actions, policy));
            allowed.addAll(allows(actions, policy));
        }
        if (boundary != null) {
            denied = denied.union(unconditionalDenies(actions, boundary));
            allowed = withinBoundary(allowed, allows(actions, boundary));
        }
        List<Grant> effective = new ArrayList<>();
        for (Grant grant : allowed) {
            ActionSet remaining = grant.actions().minus(denied);
            if (!remaining.isEmpty()) {
                effective.add(new Grant(
                        remaining, grant.allResources(), grant.conditions(), grant.policy(), grant.statement()));
            }
        }
        return new EffectivePermissions(effective, actions.none());
    }

    /** Every grant. */
    List<Grant> grants() {
        return grants;
    }

    /** Actions allowed on at least some resource. */
    ActionSet anywhere() {
        return anywhere;
    }

    /** Actions allowed on every resource. */
    ActionSet onAllResources() {
        return onAllResources;
    }

    /** The grants that include this action. */
    List<Grant> grantsOf(IamAction action) {
        return grants.stream().filter(grant -> grant.actions().contains(action)).toList();
    }

    /** The first grant (in policy order) that includes any of these actions, on every resource if asked. */
    Optional<Grant> firstGrantOf(ActionSet wanted, boolean allResources) {
        return grants.stream()
                .filter(grant -> (!allResources || grant.allResources())
                        && grant.actions().intersects(wanted))
                .findFirst();
    }

    private static List<Grant> allows(StatementActions actions, PolicyDocument policy) {
        List<Grant> grants = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            if (statement.effect() == Effect.ALLOW && statement.resource() != null) {
                boolean allResources =
                        statement.resource().negated() || statement.resource().isAll();
                grants.add(new Grant(actions.of(statement), allResources, statement.conditions(), policy, statement));
            }
        }
        return grants;
    }

    private static ActionSet unconditionalDenies(StatementActions actions, PolicyDocument policy) {
        ActionSet denied = actions.none();
        for (Statement statement : policy.statements()) {
            if (statement.effect() == Effect.DENY
                    && !statement.isConditional()
                    && statement.resource() != null
                    && statement.resource().isAll()) {
                denied = denied.union(actions.of(statement));
            }
        }
        return denied;
    }

    private static List<Grant> withinBoundary(List<Grant> identity, List<Grant> boundary) {
        List<Grant> result = new ArrayList<>();
        for (Grant grant : identity) {
            for (Grant cap : boundary) {
                ActionSet both = grant.actions().intersect(cap.actions());
                if (!both.isEmpty()) {
                    List<Condition> conditions = new ArrayList<>(grant.conditions());
                    conditions.addAll(cap.conditions());
                    result.add(new Grant(
                            both,
                            grant.allResources() && cap.allResources(),
                            conditions,
                            grant.policy(),
                            grant.statement()));
                }
            }
        }
        return result;
    }
}
