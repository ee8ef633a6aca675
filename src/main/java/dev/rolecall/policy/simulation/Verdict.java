package dev.rolecall.policy.simulation;

import dev.rolecall.policy.AccessRequest;
import dev.rolecall.policy.Decision;
import dev.rolecall.policy.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The allow side of the evaluation, once no explicit deny applies; explains each outcome. */
final class Verdict {

    private final AccessRequest request;
    private final PolicySet policies;
    private final RequestContext context;
    private final List<LayerScan> scps;
    private final ResourceScan resource;
    private final LayerScan identity;
    private final LayerScan boundary;
    private final LayerScan session;

    Verdict(
            AccessRequest request,
            PolicySet policies,
            RequestContext context,
            List<LayerScan> scps,
            ResourceScan resource,
            LayerScan identity,
            LayerScan boundary,
            LayerScan session) {
        this.request = request;
        this.policies = policies;
        this.context = context;
        this.scps = scps;
        this.resource = resource;
        this.identity = identity;
        this.boundary = boundary;
        this.session = session;
    }

    SimulationResult forService() {
        List<Hit> grants = new ArrayList<>(resource.direct());
        grants.addAll(resource.role());
        if (grants.isEmpty()) {
            return implicit("No resource-based policy allows the service principal " + request.principal() + " to "
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

    private SimulationResult crossAccount(List<Hit> scpAllows) {
        String owner = "account " + context.resourceAccount();
        if (policies.resourcePolicy() == null) {
            return implicit("The resource belongs to " + owner + ", not the caller's account "
                    + context.caller().account() + ": a resource-based policy there must allow the request too, "
                    + "and there is none.");
        }
        List<Hit> grants = resource.allows();
        if (grants.isEmpty()) {
            return implicit("The resource-based policy of " + owner + " does not allow this principal to " + what()
                    + "; across accounts both sides must allow.");
        }
        if (!identity.allows()) {
            return implicit("No identity-based policy allows " + what() + "; across accounts the caller's own "
                    + "policies must allow it as well as the resource-based policy.");
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

    private String what() {
        return request.action() + " on " + request.resource();
    }

    private static SimulationResult implicit(String explanation) {
        return new SimulationResult(Decision.IMPLICITLY_DENIED, List.of(), explanation);
    }

    private static SimulationResult allowed(List<Hit> decisive, String explanation) {
        return PolicyEvaluator.result(Decision.ALLOWED, decisive, explanation);
    }
}
