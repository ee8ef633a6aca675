package dev.rolecall.policy.access;

import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.ResourceElement;
import dev.rolecall.policy.model.ResourcePattern;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a role is effectively allowed: each Allow statement of its identity policies, cut down to
 * what an Allow statement of the permissions boundary also allows, minus what an unconditional Deny
 * on every resource takes away. Conditional or resource-scoped denies are kept out of the
 * subtraction, since they may not apply: the set errs on the side of more access. Conditions that
 * cannot depend on the request ({@link ConditionTruth}) are read as what they are: one that is always
 * true is left out, one that is never true leaves the statement out. The resources of a
 * boundary statement are not intersected with those of the identity statement beyond "every
 * resource or not"; the simulator answers single questions exactly.
 */
public final class EffectivePermissions {

    private final List<Grant> grants;
    private final ActionSet anywhere;
    private final ActionSet onAllResources;
    private final ActionSet identityAllowed;

    private EffectivePermissions(List<Grant> grants, ActionSet identityAllowed, ActionSet none) {
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
        this.identityAllowed = identityAllowed;
    }

    /** The effective permissions of identity policies within a permissions boundary (null: none). */
    public static EffectivePermissions of(
            StatementActions actions, List<PolicyDocument> identity, @Nullable PolicyDocument boundary) {
        ActionSet denied = actions.none();
        List<Grant> allowed = new ArrayList<>();
        for (PolicyDocument policy : identity) {
            denied = denied.union(unconditionalDenies(actions, policy));
            allowed.addAll(allows(actions, policy));
        }
        if (boundary != null) {
            denied = denied.union(unconditionalDenies(actions, boundary));
        }
        ActionSet identityAllowed = actions.none();
        for (Grant grant : allowed) {
            identityAllowed = identityAllowed.union(grant.actions().minus(denied));
        }
        if (boundary != null) {
            allowed = withinBoundary(allowed, allows(actions, boundary), actions.none());
        }
        return new EffectivePermissions(minus(allowed, denied), identityAllowed, actions.none());
    }

    /** The grants without the denied actions, leaving out those with nothing left. */
    private static List<Grant> minus(List<Grant> allowed, ActionSet denied) {
        List<Grant> effective = new ArrayList<>();
        for (Grant grant : allowed) {
            ActionSet remaining = grant.actions().minus(denied);
            if (!remaining.isEmpty()) {
                effective.add(new Grant(
                        remaining,
                        grant.allResources(),
                        grant.resources(),
                        grant.conditions(),
                        grant.policy(),
                        grant.statement()));
            }
        }
        return effective;
    }

    /** Every grant, in policy and statement order. */
    public List<Grant> grants() {
        return grants;
    }

    /** Actions allowed on at least some resource. */
    public ActionSet anywhere() {
        return anywhere;
    }

    /** Actions allowed on every resource. */
    public ActionSet onAllResources() {
        return onAllResources;
    }

    /** The actions the identity policies allow but the permissions boundary does not. */
    public ActionSet removedByBoundary() {
        return identityAllowed.minus(anywhere);
    }

    /** The grants that include this action. */
    public List<Grant> grantsOf(IamAction action) {
        return grants.stream().filter(grant -> grant.actions().contains(action)).toList();
    }

    /** The first grant (in policy order) that includes any of these actions, on every resource if asked. */
    public Optional<Grant> firstGrantOf(ActionSet wanted, boolean allResources) {
        return grants.stream()
                .filter(grant -> (!allResources || grant.allResources())
                        && grant.actions().intersects(wanted))
                .findFirst();
    }

    private static List<Grant> allows(StatementActions actions, PolicyDocument policy) {
        List<Grant> grants = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            ResourceElement resource = statement.resource();
            if (statement.effect() != Effect.ALLOW || resource == null || statement.coversNothing()) {
                continue;
            }
            List<Condition> conditions = deciding(actions, policy, statement);
            if (conditions != null) {
                boolean allResources = resource.negated() || resource.isAll();
                grants.add(new Grant(
                        actions.of(statement), allResources, resources(resource), conditions, policy, statement));
            }
        }
        return grants;
    }

    private static List<String> resources(ResourceElement element) {
        List<String> patterns =
                element.patterns().stream().map(ResourcePattern::text).toList();
        return element.negated() ? List.of(Grant.ALL_EXCEPT + String.join(", ", patterns)) : patterns;
    }

    private static ActionSet unconditionalDenies(StatementActions actions, PolicyDocument policy) {
        ActionSet denied = actions.none();
        for (Statement statement : policy.statements()) {
            if (statement.effect() == Effect.DENY
                    && statement.resource() != null
                    && statement.resource().isAll()) {
                List<Condition> conditions = deciding(actions, policy, statement);
                if (conditions != null && conditions.isEmpty()) {
                    denied = denied.union(actions.of(statement));
                }
            }
        }
        return denied;
    }

    /**
     * The statement's conditions that depend on the request, leaving out those that are always true;
     * null when one can never be true, so that the statement never applies (see {@link ConditionTruth}).
     */
    private static @Nullable List<Condition> deciding(
            StatementActions actions, PolicyDocument policy, Statement statement) {
        if (statement.conditions().isEmpty()) {
            return statement.conditions();
        }
        ActionSet covered = actions.of(statement);
        List<Condition> deciding = new ArrayList<>();
        for (Condition condition : statement.conditions()) {
            switch (ConditionTruth.of(actions.catalog(), covered, policy.kind(), condition)) {
                case ALWAYS -> {}
                case NEVER -> {
                    return null;
                }
                case DEPENDS -> deciding.add(condition);
            }
        }
        return deciding;
    }

    /**
     * Each identity grant cut down by each boundary Allow. What an unconditional boundary Allow on
     * every resource lets through is not repeated under a conditional one: it does not depend on
     * that condition.
     */
    private static List<Grant> withinBoundary(List<Grant> identity, List<Grant> boundary, ActionSet none) {
        ActionSet always = none;
        for (Grant cap : boundary) {
            if (!cap.isConditional() && cap.allResources()) {
                always = always.union(cap.actions());
            }
        }
        List<Grant> result = new ArrayList<>();
        for (Grant grant : identity) {
            for (Grant cap : boundary) {
                ActionSet both = grant.actions().intersect(cap.actions());
                if (cap.isConditional()) {
                    both = both.minus(always);
                }
                if (!both.isEmpty()) {
                    List<Condition> conditions = new ArrayList<>(grant.conditions());
                    conditions.addAll(cap.conditions());
                    result.add(new Grant(
                            both,
                            grant.allResources() && cap.allResources(),
                            grant.allResources() && !cap.allResources() ? cap.resources() : grant.resources(),
                            conditions,
                            grant.policy(),
                            grant.statement()));
                }
            }
        }
        return result;
    }
}
