package dev.rolecall.policy.findings;

import dev.rolecall.policy.PolicyLocation;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import java.util.List;

/**
 * Actions a role is effectively allowed by one identity statement (after the boundary and explicit
 * denies).
 *
 * @param actions the actions
 * @param allResources whether on every resource ({@code *}, or NotResource, which leaves out only a few)
 * @param conditions the conditions of the identity statement and of the boundary statement that lets it through
 * @param policy the identity policy
 * @param statement the identity statement
 */
record Grant(
        ActionSet actions,
        boolean allResources,
        List<Condition> conditions,
        PolicyDocument policy,
        Statement statement) {

    /** Where the grant is written: the statement's Action (or NotAction) element. */
    PolicyLocation location() {
        return policy.locate(
                statement, statement.action().name(), statement.action().at());
    }

    boolean isConditional() {
        return !conditions.isEmpty();
    }
}
