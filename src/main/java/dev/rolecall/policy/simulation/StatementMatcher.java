package dev.rolecall.policy.simulation;

import dev.rolecall.policy.model.ActionElement;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.Effect;
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
        boolean allow = statement.effect() == Effect.ALLOW;
        return action(statement.action(), request.action())
                && resource(statement.resource(), variables, request, false, allow)
                && conditions(statement, variables, request);
    }

    static boolean action(ActionElement element, String action) {
        return element.covers(action);
    }

    /**
     * Whether the Resource or NotResource element covers the request's resource. An entry whose
     * policy variable has no value matches nothing; in the NotResource of an Allow statement, where
     * AWS documents no outcome, the simulator takes the cautious reading: the statement does not
     * cover the resource. With {@code unknownAsWildcard}, such a variable covers anything instead
     * (used to ask what a statement could allow for some caller).
     */
    static boolean resource(
            @Nullable ResourceElement element,
            boolean variables,
            RequestContext request,
            boolean unknownAsWildcard,
            boolean allow) {
        if (element == null) {
            return true;
        }
        boolean listed = false;
        for (ResourcePattern pattern : element.patterns()) {
            if (pattern.isAll()) {
                listed = true;
                break;
            }
            Variables.Resolved resolved = Variables.resolve(pattern.text(), variables, request, unknownAsWildcard);
            if (resolved == null) {
                if (element.negated() && allow) {
                    return false;
                }
            } else if (Wildcard.matches(resolved.text(), resolved.literal(), request.resource(), false)) {
                listed = true;
                break;
            }
        }
        return listed != element.negated();
    }

    static boolean conditions(Statement statement, boolean variables, RequestContext request) {
        for (Condition condition : statement.conditions()) {
            if (!ConditionEvaluator.test(condition, variables, statement.effect() == Effect.ALLOW, request)) {
                return false;
            }
        }
        return true;
    }
}
