package dev.rolecall.policy.simulation;

import dev.rolecall.policy.AccessRequest;
import dev.rolecall.policy.SimulationResult;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A role's effective permissions: its identity policies within its permissions boundary, explicit
 * denies removed. For findings and summaries that ask "can this role do X on Y?" without a concrete
 * request context.
 *
 * <p>Two readings:
 * <ul>
 *   <li>{@link #evaluate(AccessRequest)}: exact, for a given request context, as the simulator decides;
 *   <li>{@link #mayAllow(String, String)} and {@link #grants(String, String)}: whether some request
 *       context could allow it. Conditions on Allow statements are assumed satisfiable; Deny
 *       statements count only when unconditional; a policy variable in a Resource stands for any
 *       value.
 * </ul>
 * Resource {@code *} in a question means "every resource": only statements whose Resource covers
 * the literal {@code *} (such as {@code "Resource": "*"}) grant it. Immutable and thread-safe.
 */
public final class EffectivePermissions {

    /** An identity policy statement that may grant the action on the resource. */
    public record Grant(PolicyDocument policy, Statement statement) {

        /** Whether the grant depends on conditions. */
        public boolean conditional() {
            return statement.isConditional();
        }
    }

    private final PolicySet policies;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public EffectivePermissions(List<PolicyDocument> identityPolicies, List<PolicyDocument> permissionsBoundaries) {
        this.policies = PolicySet.ofIdentity(identityPolicies, permissionsBoundaries);
    }

    /** The exact decision for a request, from identity policies and boundary only. */
    public SimulationResult evaluate(AccessRequest request) {
        return evaluator.evaluate(request, policies);
    }

    /**
     * Whether the role may be allowed the action on the resource for some request context: an identity
     * Allow covers it, the boundary (if any) has an Allow covering it, and no unconditional Deny in
     * either covers it.
     */
    public boolean mayAllow(String action, String resource) {
        return !grants(action, resource).isEmpty();
    }

    /**
     * The identity policy Allow statements through which the role may be allowed the action on the
     * resource (see {@link #mayAllow(String, String)}); empty when the boundary or an unconditional
     * Deny removes it.
     */
    public List<Grant> grants(String action, String resource) {
        RequestContext request = new RequestContext(AccessRequest.of(action, resource));
        if (deniedUnconditionally(policies.identityPolicies(), request)
                || deniedUnconditionally(policies.permissionsBoundaries(), request)) {
            return List.of();
        }
        if (!policies.permissionsBoundaries().isEmpty()
                && covering(policies.permissionsBoundaries(), request, Effect.ALLOW)
                        .isEmpty()) {
            return List.of();
        }
        return covering(policies.identityPolicies(), request, Effect.ALLOW);
    }

    private static boolean deniedUnconditionally(List<PolicyDocument> documents, RequestContext request) {
        return covering(documents, request, Effect.DENY).stream()
                .anyMatch(deny -> !deny.conditional() && !(deny.policy().supportsVariables() && hasVariable(deny)));
    }

    /** A Deny whose Resource holds a variable applies only for some callers: not certain. */
    private static boolean hasVariable(Grant deny) {
        var resource = deny.statement().resource();
        return resource != null && resource.patterns().stream().anyMatch(p -> p.hasVariable());
    }

    private static List<Grant> covering(List<PolicyDocument> documents, RequestContext request, Effect effect) {
        List<Grant> grants = new ArrayList<>();
        for (PolicyDocument policy : documents) {
            for (Statement statement : policy.statements()) {
                if (statement.effect() == effect
                        && StatementMatcher.action(statement.action(), request.action())
                        && StatementMatcher.resource(
                                statement.resource(),
                                policy.supportsVariables(),
                                request,
                                effect == Effect.ALLOW,
                                effect == Effect.ALLOW)) {
                    grants.add(new Grant(policy, statement));
                }
            }
        }
        return grants;
    }
}
