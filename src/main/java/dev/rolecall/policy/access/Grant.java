package dev.rolecall.policy.access;

import dev.rolecall.policy.analysis.PolicyLocation;
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
 * @param allResources whether on every resource ({@code *}, or NotResource, which leaves out only a
 *     few), in the identity statement and in the boundary statement that lets it through
 * @param resources the resource patterns as written: the identity statement's, or the boundary
 *     statement's when only the boundary names resources; NotResource is one "All resources except …" entry
 * @param conditions the conditions of the identity statement and of the boundary statement that lets it through
 * @param policy the identity policy
 * @param statement the identity statement
 */
public record Grant(
        ActionSet actions,
        boolean allResources,
        List<String> resources,
        List<Condition> conditions,
        PolicyDocument policy,
        Statement statement) {

    /** How a NotResource entry is shown: every resource except the listed ones. */
    public static final String ALL_EXCEPT = "All resources except ";

    public Grant {
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Where the grant is written: the statement's Action (or NotAction) element. */
    public PolicyLocation location() {
        return policy.locate(
                statement, statement.action().name(), statement.action().at());
    }

    /** Whether the grant applies only under conditions. */
    public boolean isConditional() {
        return !conditions.isEmpty();
    }
}
