package dev.rolecall.policy.simulation;

import dev.rolecall.policy.permissions.AccessDecision;
import dev.rolecall.policy.permissions.AccessRequest;
import dev.rolecall.policy.permissions.AwsRule;
import dev.rolecall.policy.permissions.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The allow side of the evaluation, once no explicit deny applies; explains each outcome. Under
 * {@link AwsRule#KMS_KEY_POLICY} and {@link AwsRule#ROLE_TRUST_POLICY} the resource's own policy
 * must allow within the account too, and every outcome names the rule.
 */
final class Verdict {

    private final AccessRequest request;
    private final PolicySet policies;
    private final RequestContext context;
    private final List<LayerScan> scps;
    private final ResourceScan resource;
    private final LayerScan identity;
    private final LayerScan boundary;
    private final LayerScan session;
    private final @Nullable AwsRule rule;

    Verdict(
            AccessRequest request,
            PolicySet policies,
            RequestContext context,
            List<LayerScan> scps,
            ResourceScan resource,
            LayerScan identity,
            LayerScan boundary,
            LayerScan session,
            @Nullable AwsRule rule) {
        this.request = request;
        this.policies = policies;
        this.context = context;
        this.scps = scps;
        this.resource = resource;
        this.identity = identity;
        this.boundary = boundary;
        this.session = session;
        this.rule = rule;
    }

    SimulationResult forService() {
        List<Hit> grants = new ArrayList<>(resource.direct());
        grants.addAll(resource.role());
        if (grants.isEmpty()) {
            return implicit("No " + policyWord() + " allows the service principal " + request.principal() + " to "
                    + what() + "; a service acts only on what a resource-based policy grants it.");
        }
        return allowed(grants, "Allowed by " + PolicyEvaluator.list(grants) + ".");
    }

    SimulationResult decide() {
        List<Hit> scpAllows = new ArrayList<>();
        for (int level = 0; level < scps.size(); level++) {
            if (!scps.get(level).allows()) {
                return implicit("No service control policy at level " + (level + 1) + " of " + scps.size() + " allows "
                        + what() + ": every level of the organization must allow it.");
            }
            scpAllows.addAll(scps.get(level).allowing());
        }
        return context.crossAccount() ? crossAccount(scpAllows) : sameAccount(scpAllows);
    }

    private SimulationResult sameAccount(List<Hit> scpAllows) {
        if (!resource.direct().isEmpty()) {
            List<Hit> decisive = new ArrayList<>(scpAllows);
            decisive.addAll(resource.direct());
            return allowed(
                    decisive,
                    "Allowed by " + PolicyEvaluator.list(resource.direct())
                            + ", which names this principal directly; in the same account such a grant needs no identity "
                            + "policy and is not limited by a permissions boundary or session policy.");
        }
        if (rule != null && resource.role().isEmpty()) {
            return resource.account().isEmpty() ? resourcePolicyMissing() : throughAccount(scpAllows);
        }
        if (!identity.allows() && resource.role().isEmpty()) {
            String account = resource.account().isEmpty()
                    ? ""
                    : " The resource-based policy names only the account,"
                            + " which leaves the decision to the identity policies.";
            return implicit("No identity-based or resource-based policy allows " + what() + "." + account);
        }
        SimulationResult limited = limitedByBoundaryOrSession();
        if (limited != null) {
            return limited;
        }
        List<Hit> grants = new ArrayList<>(resource.role());
        grants.addAll(identity.allowing());
        return allowed(decisive(scpAllows, grants), "Allowed by " + PolicyEvaluator.list(grants) + limitsNote() + ".");
    }

    /** The key or trust policy allows the account (root): the identity policies decide. */
    private SimulationResult throughAccount(List<Hit> scpAllows) {
        String enabling =
                "the " + policyWord() + " allows the account (root) (" + PolicyEvaluator.list(resource.account()) + ")";
        if (!identity.allows()) {
            return implicit("The" + enabling.substring(3) + ", which leaves " + what()
                    + " to the identity policies, and no identity policy allows it.");
        }
        SimulationResult limited = limitedByBoundaryOrSession();
        if (limited != null) {
            return limited;
        }
        List<Hit> grants = new ArrayList<>(resource.account());
        grants.addAll(identity.allowing());
        return allowed(
                decisive(scpAllows, grants),
                "Allowed by " + PolicyEvaluator.list(identity.allowing()) + limitsNote() + ", which counts because "
                        + enabling + " and so lets identity policies grant " + what() + ".");
    }

    /** Nothing in the key or trust policy allows this principal or its account. */
    private SimulationResult resourcePolicyMissing() {
        StringBuilder text = new StringBuilder(ruleSentence());
        if (policies.resourcePolicy() == null) {
            text.append(" No ")
                    .append(policyWord())
                    .append(" was supplied, so nothing in a ")
                    .append(policyWord())
                    .append(" allows it.");
        } else {
            text.append(" The ")
                    .append(policyWord())
                    .append(' ')
                    .append(policies.resourcePolicy().name())
                    .append(" allows neither this principal nor its account (root).");
        }
        if (rule == AwsRule.KMS_KEY_POLICY && policies.resourcePolicy() == null) {
            text.append(" With AWS's default key policy, which allows the account (root) and so enables IAM policies, ")
                    .append(withIdentityPolicies());
        } else if (identity.allows()) {
            text.append(" The identity policies allow it (")
                    .append(PolicyEvaluator.list(identity.allowing()))
                    .append("), which counts only where the ")
                    .append(policyWord())
                    .append(" allows the account (root).");
        } else {
            text.append(" No identity policy allows it either.");
        }
        return implicit(text.toString());
    }

    /** What the identity policies alone would decide, as the end of a sentence. */
    private String withIdentityPolicies() {
        if (!identity.allows()) {
            return "it would still be denied: no identity policy allows it.";
        }
        SimulationResult limited = limitedByBoundaryOrSession();
        if (limited != null) {
            return "it would still be denied. " + limited.explanation();
        }
        return "it would be allowed by " + PolicyEvaluator.list(identity.allowing()) + limitsNote() + ".";
    }

    private String ruleSentence() {
        if (rule == AwsRule.KMS_KEY_POLICY) {
            return what() + " uses a KMS key, and identity policies alone never grant access to a KMS key: "
                    + "its key policy must allow this principal, or allow the account (root) and so enable IAM policies.";
        }
        return what() + " needs the role's trust policy to allow this principal, even within the same account; "
                + "a trust policy that allows the account (root) leaves it to the identity policies.";
    }

    private SimulationResult crossAccount(List<Hit> scpAllows) {
        String owner = "account " + context.resourceAccount();
        if (policies.resourcePolicy() == null) {
            String defaultKey = rule == AwsRule.KMS_KEY_POLICY
                    ? " AWS's default key policy allows only the key's own account, so it would not allow this caller."
                    : "";
            return implicit("The resource belongs to " + owner + ", not the caller's account "
                    + context.caller().account() + ": a " + policyWord() + " there must allow the request too, "
                    + "and there is none." + identityNote() + defaultKey);
        }
        List<Hit> grants = resource.allows();
        if (grants.isEmpty()) {
            return implicit("The " + policyWord() + " of " + owner + " does not allow this principal to " + what()
                    + "; across accounts both sides must allow.");
        }
        if (!identity.allows()) {
            return implicit("No identity-based policy allows " + what() + "; across accounts the caller's own "
                    + "policies must allow it as well as the " + policyWord() + ".");
        }
        SimulationResult limited = limitedByBoundaryOrSession();
        if (limited != null) {
            return limited;
        }
        List<Hit> all = new ArrayList<>(grants);
        all.addAll(identity.allowing());
        return allowed(
                decisive(scpAllows, all),
                "Allowed across accounts by " + PolicyEvaluator.list(all) + limitsNote() + ".");
    }

    private String identityNote() {
        return identity.allows()
                ? " The caller's own policies allow it (" + PolicyEvaluator.list(identity.allowing()) + ")."
                : " The caller's own policies do not allow it either.";
    }

    private @Nullable SimulationResult limitedByBoundaryOrSession() {
        if (!policies.permissionsBoundaries().isEmpty() && !boundary.allows()) {
            return implicit("The permissions boundary does not allow " + what()
                    + ", so no identity policy or resource-based policy naming the role can grant it.");
        }
        if (policies.sessionPolicy() != null && !session.allows()) {
            return implicit("The session policy does not allow " + what()
                    + ": a session can do only what both the role and its session policy allow.");
        }
        return null;
    }

    private List<Hit> decisive(List<Hit> scpAllows, List<Hit> grants) {
        List<Hit> decisive = new ArrayList<>(scpAllows);
        decisive.addAll(grants);
        decisive.addAll(boundary.allowing());
        decisive.addAll(session.allowing());
        return decisive;
    }

    private String limitsNote() {
        StringBuilder note = new StringBuilder();
        if (boundary.allows()) {
            note.append("; within the permissions boundary (")
                    .append(PolicyEvaluator.list(boundary.allowing()))
                    .append(')');
        }
        if (session.allows()) {
            note.append("; within the session policy (")
                    .append(PolicyEvaluator.list(session.allowing()))
                    .append(')');
        }
        if (!scps.isEmpty()) {
            note.append("; allowed at every SCP level");
        }
        return note.toString();
    }

    /** What the resource's own policy is called under the rule that applies. */
    private String policyWord() {
        if (rule == AwsRule.KMS_KEY_POLICY) {
            return "key policy";
        }
        return rule == AwsRule.ROLE_TRUST_POLICY ? "trust policy" : "resource-based policy";
    }

    private String what() {
        return request.action() + " on " + request.resource();
    }

    private SimulationResult implicit(String explanation) {
        return new SimulationResult(AccessDecision.IMPLICITLY_DENIED, List.of(), explanation, rule);
    }

    private SimulationResult allowed(List<Hit> decisive, String explanation) {
        return PolicyEvaluator.result(AccessDecision.ALLOWED, decisive, explanation, rule);
    }
}
