package dev.rolecall.policy.simulation;

import dev.rolecall.policy.AccessRequest;
import dev.rolecall.policy.Decision;
import dev.rolecall.policy.DecisiveStatement;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.SimulationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a request the way AWS documents its policy evaluation logic:
 * <ol>
 *   <li>an explicit Deny in any applicable policy (SCP, resource-based, identity, boundary, session)
 *       decides: {@link Decision#EXPLICITLY_DENIED};
 *   <li>every SCP level must have an Allow;
 *   <li>within one account: a resource-based policy that names the role session (or user) directly
 *       allows on its own; otherwise an Allow in an identity policy or a resource-based policy naming
 *       the role (or {@code *}) is needed, and it must also be allowed by the permissions boundary and
 *       the session policy, when there are ones;
 *   <li>across accounts: both the resource-based policy of the resource's account and the caller's
 *       identity policies (within boundary and session policy) must allow;
 *   <li>an AWS service principal is allowed only by a resource-based policy.
 * </ol>
 * Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    /** Evaluates one request against the policies that apply to it. */
    public SimulationResult evaluate(AccessRequest request, PolicySet policies) {
        RequestContext context = new RequestContext(request);
        boolean service = context.caller().isService();
        boolean boundary = !policies.permissionsBoundaries().isEmpty();
        List<LayerScan> scps = new ArrayList<>();
        if (!service) {
            for (var level : policies.serviceControlPolicies()) {
                scps.add(LayerScan.of(PolicyKind.SERVICE_CONTROL, level, context));
            }
        }
        ResourceScan resource = ResourceScan.of(policies.resourcePolicy(), context, boundary);
        LayerScan identity =
                LayerScan.of(PolicyKind.IDENTITY, service ? List.of() : policies.identityPolicies(), context);
        LayerScan limits =
                LayerScan.of(PolicyKind.BOUNDARY, service ? List.of() : policies.permissionsBoundaries(), context);
        LayerScan session = LayerScan.of(
                PolicyKind.SESSION,
                service || policies.sessionPolicy() == null ? List.of() : List.of(policies.sessionPolicy()),
                context);

        List<Hit> denies = new ArrayList<>();
        scps.forEach(level -> denies.addAll(level.denying()));
        denies.addAll(resource.denies());
        denies.addAll(identity.denying());
        denies.addAll(limits.denying());
        denies.addAll(session.denying());
        if (!denies.isEmpty()) {
            return result(
                    Decision.EXPLICITLY_DENIED,
                    denies,
                    "Explicitly denied by " + list(denies) + ". An explicit deny overrides every allow.");
        }
        Verdict verdict = new Verdict(request, policies, context, scps, resource, identity, limits, session);
        return service ? verdict.forService() : verdict.decide();
    }

    static SimulationResult result(Decision decision, List<Hit> hits, String explanation) {
        List<DecisiveStatement> decisive = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            decisive.add(hit.decisive());
        }
        return new SimulationResult(decision, decisive, explanation);
    }

    static String list(List<Hit> hits) {
        StringBuilder text = new StringBuilder(64 * hits.size());
        for (Hit hit : hits) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            hit.describe(text);
        }
        return text.toString();
    }
}
