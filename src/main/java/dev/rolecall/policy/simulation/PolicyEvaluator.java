package dev.rolecall.policy.simulation;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.permissions.AccessDecision;
import dev.rolecall.policy.permissions.AccessRequest;
import dev.rolecall.policy.permissions.AwsRule;
import dev.rolecall.policy.permissions.DecisiveStatement;
import dev.rolecall.policy.permissions.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides a request the way AWS documents its policy evaluation logic:
 * <ol>
 *   <li>{@code sts:GetCallerIdentity} is always allowed, and {@code sts:GetSessionToken} /
 *       {@code sts:GetFederationToken} are never allowed to a role (see {@link SpecialRules});
 *   <li>an explicit Deny in any applicable policy (SCP, resource-based, identity, boundary, session)
 *       decides: {@link AccessDecision#EXPLICITLY_DENIED};
 *   <li>every SCP level must have an Allow;
 *   <li>within one account: a resource-based policy that names the role session (or user) directly
 *       allows on its own; otherwise an Allow in an identity policy or a resource-based policy naming
 *       the role (or {@code *}) is needed, and it must also be allowed by the permissions boundary and
 *       the session policy, when there are ones. A role's trust policy and a KMS key's key policy
 *       must allow even then: an identity policy counts only where they allow the account (root);
 *   <li>across accounts: both the resource-based policy of the resource's account and the caller's
 *       identity policies (within boundary and session policy) must allow;
 *   <li>an AWS service principal is allowed only by a resource-based policy.
 * </ol>
 * For a request on a role (assuming it) the resource-based policy is the role's trust policy; for a
 * KMS key, its key policy. Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    private final IamCatalog catalog;

    /** An evaluator that reads which KMS actions act on a key from this IAM action catalog. */
    public PolicyEvaluator(IamCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Whether the request's resource belongs to another account than its principal's; false when
     * either account is unknown.
     */
    public static boolean crossAccount(AccessRequest request) {
        return new RequestContext(request).crossAccount();
    }

    /** Evaluates one request against the policies that apply to it. */
    public SimulationResult evaluate(AccessRequest request, PolicySet policies) {
        RequestContext context = new RequestContext(request);
        boolean service = context.caller().isService();
        if (SpecialRules.needsLongTermCredentials(request.action(), context.caller())) {
            return longTermCredentialsOnly(request);
        }
        AwsRule rule = SpecialRules.resourcePolicyRule(request.action(), request.resource(), catalog);
        boolean boundary = !policies.permissionsBoundaries().isEmpty();
        List<LayerScan> scps = service ? List.of() : serviceControlScans(policies, context);
        PolicyKind resourceLayer = rule == AwsRule.ROLE_TRUST_POLICY ? PolicyKind.TRUST : PolicyKind.RESOURCE;
        ResourceScan resource = ResourceScan.of(policies.resourcePolicy(), resourceLayer, context, boundary);
        LayerScan identity =
                LayerScan.of(PolicyKind.IDENTITY, service ? List.of() : policies.identityPolicies(), context);
        LayerScan limits =
                LayerScan.of(PolicyKind.BOUNDARY, service ? List.of() : policies.permissionsBoundaries(), context);
        LayerScan session = LayerScan.of(
                PolicyKind.SESSION,
                service || policies.sessionPolicy() == null ? List.of() : List.of(policies.sessionPolicy()),
                context);
        List<Hit> denies = denies(scps, resource, identity, limits, session);
        if (SpecialRules.isCallerIdentity(request.action())) {
            return callerIdentity(denies);
        }
        if (!denies.isEmpty()) {
            return explicitlyDenied(denies);
        }
        Verdict verdict = new Verdict(request, policies, context, scps, resource, identity, limits, session, rule);
        return service ? verdict.forService() : verdict.decide();
    }

    private static SimulationResult explicitlyDenied(List<Hit> denies) {
        return result(
                AccessDecision.EXPLICITLY_DENIED,
                denies,
                "Explicitly denied by " + list(denies) + ". An explicit deny overrides every allow.");
    }

    private static SimulationResult longTermCredentialsOnly(AccessRequest request) {
        return new SimulationResult(
                AccessDecision.IMPLICITLY_DENIED,
                List.of(),
                request.action() + " accepts only the long-term credentials of an IAM user or the root user: "
                        + "a role session cannot call it, whatever its policies allow.",
                AwsRule.LONG_TERM_CREDENTIALS_ONLY);
    }

    /** One scan per level of the organisation's service control policies, outermost first. */
    private static List<LayerScan> serviceControlScans(PolicySet policies, RequestContext context) {
        List<LayerScan> scps = new ArrayList<>();
        for (var level : policies.serviceControlPolicies()) {
            scps.add(LayerScan.of(PolicyKind.SERVICE_CONTROL, level, context));
        }
        return scps;
    }

    /** Every explicit deny that matches, layer by layer in the order the result names them. */
    private static List<Hit> denies(
            List<LayerScan> scps, ResourceScan resource, LayerScan identity, LayerScan limits, LayerScan session) {
        List<Hit> denies = new ArrayList<>();
        scps.forEach(level -> denies.addAll(level.denying()));
        denies.addAll(resource.denies());
        denies.addAll(identity.denying());
        denies.addAll(limits.denying());
        denies.addAll(session.denying());
        return denies;
    }

    private static SimulationResult callerIdentity(List<Hit> denies) {
        String ignored = denies.isEmpty() ? "" : " The explicit deny in " + list(denies) + " does not apply to it.";
        return new SimulationResult(
                AccessDecision.ALLOWED,
                List.of(),
                "sts:GetCallerIdentity is always allowed: AWS requires no permission for it and answers it even "
                        + "under an explicit deny, since a denied call would reveal the same identity." + ignored,
                AwsRule.CALLER_IDENTITY_ALWAYS_ALLOWED);
    }

    static SimulationResult result(AccessDecision decision, List<Hit> hits, String explanation) {
        return result(decision, hits, explanation, null);
    }

    static SimulationResult result(
            AccessDecision decision, List<Hit> hits, String explanation, @Nullable AwsRule rule) {
        List<DecisiveStatement> decisive = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            decisive.add(hit.decisive());
        }
        return new SimulationResult(decision, decisive, explanation, rule);
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
