package dev.rolecall.policy.simulation;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;

/** The allow and deny statements of one layer (identity, boundary, session or one SCP level) that cover a request. */
record LayerScan(List<Hit> allowing, List<Hit> denying) {

    static LayerScan of(PolicyKind layer, List<PolicyDocument> policies, RequestContext request) {
        List<Hit> allows = new ArrayList<>(2);
        List<Hit> denies = new ArrayList<>(1);
        for (PolicyDocument policy : policies) {
            boolean variables = policy.supportsVariables();
            for (Statement statement : policy.statements()) {
                if (StatementMatcher.covers(statement, variables, request)) {
                    (statement.effect() == Effect.ALLOW ? allows : denies).add(new Hit(layer, policy, statement));
                }
            }
        }
        return new LayerScan(allows, denies);
    }

    boolean allows() {
        return !allowing.isEmpty();
    }
}
