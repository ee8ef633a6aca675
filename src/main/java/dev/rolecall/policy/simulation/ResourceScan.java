package dev.rolecall.policy.simulation;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import dev.rolecall.policy.simulation.PrincipalMatcher.Reach;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The statements of a resource-based policy that cover a request, with how far each reaches the caller. */
record ResourceScan(List<Hit> denies, List<Hit> direct, List<Hit> role, List<Hit> account) {

    /**
     * @param layer how the statements are reported: {@link PolicyKind#TRUST} when the policy is the
     *     trust policy of the role being assumed, otherwise {@link PolicyKind#RESOURCE}
     */
    static ResourceScan of(
            @Nullable PolicyDocument policy, PolicyKind layer, RequestContext request, boolean boundary) {
        List<Hit> denies = new ArrayList<>();
        List<Hit> direct = new ArrayList<>();
        List<Hit> role = new ArrayList<>();
        List<Hit> account = new ArrayList<>();
        if (policy == null) {
            return new ResourceScan(denies, direct, role, account);
        }
        for (Statement statement : policy.statements()) {
            boolean deny = statement.effect() == Effect.DENY;
            Reach reach = statement.principal() == null
                    ? Reach.EVERYONE
                    : PrincipalMatcher.reach(statement.principal(), request.caller(), deny, boundary);
            if (reach == Reach.NONE || !StatementMatcher.covers(statement, policy.supportsVariables(), request)) {
                continue;
            }
            Hit hit = new Hit(layer, policy, statement);
            if (deny) {
                denies.add(hit);
            } else if (reach == Reach.DIRECT) {
                direct.add(hit);
            } else if (reach == Reach.ROLE || reach == Reach.EVERYONE) {
                role.add(hit);
            } else {
                account.add(hit);
            }
        }
        return new ResourceScan(denies, direct, role, account);
    }

    /** Every allow statement, whatever its reach. */
    List<Hit> allows() {
        List<Hit> all = new ArrayList<>(direct);
        all.addAll(role);
        all.addAll(account);
        return all;
    }
}
