package dev.rolecall.policy.simulation;

import dev.rolecall.policy.model.ActionElement;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.ResourceElement;
import dev.rolecall.policy.model.ResourcePattern;
import dev.rolecall.policy.model.Statement;
import dev.rolecall.policy.model.Wildcard;
import org.jspecify.annotations.Nullable;

/**
 * Whether a statement's Action, Resource and Condition cover a request (the Principal is matched by
 * {@link PrincipalMatcher}). Actions match without regard to case; resources case-sensitively, with
 * {@code *} matching across {@code /} and {@code :}; a resource-based policy statement without
 * Resource covers the resource it is attached to.
 */
final class StatementMatcher {

    private StatementMatcher() {}

    static boolean covers(Statement statement, boolean variables, RequestContext request) {
        return action(statement.action(), request.action())
                && resource(statement.resource(), variables, request)
                && conditions(statement, variables, request);
    }

    static boolean action(ActionElement element, String action) {
        return element.covers(action);
    }

    static boolean resource(@Nullable ResourceElement element, boolean variables, RequestContext request) {
        return resource(element, variables, request, false);
    }

    /**
     * With {@code unknownAsWildcard}, a policy variable without value in the request covers anything
     * (used to ask what a statement could allow for some caller).
     */
    static boolean resource(@Nullable ResourceElement element, boolean variables, RequestContext request,
            boolean unknownAsWildcard) {
        if (element == null) {
            return true;
        }
        boolean listed = false;
        for (ResourcePattern pattern : element.patterns()) {
            if (matches(pattern, variables, request, unknownAsWildcard)) {
                listed = true;
                break;
            }
        }
        return listed != element.negated();
    }

    static boolean conditions(Statement statement, boolean variables, RequestContext request) {
        for (Condition condition : statement.conditions()) {
            if (!ConditionEvaluator.test(condition, variables, request)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(ResourcePattern pattern, boolean variables, RequestContext request,
            boolean unknownAsWildcard) {
        if (pattern.isAll()) {
            return true;
        }
        Variables.Resolved resolved = Variables.resolve(pattern.text(), variables, request, unknownAsWildcard);
        return resolved != null && Wildcard.matches(resolved.text(), resolved.literal(), request.resource(), false);
    }
}
