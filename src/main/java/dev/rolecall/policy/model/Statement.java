package dev.rolecall.policy.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy.
 *
 * @param index its position in the Statement array, counted from 0 (0 when Statement is an object)
 * @param sid its Sid, or null
 * @param effect Allow or Deny
 * @param principal the Principal or NotPrincipal element; null in identity policies, boundaries,
 *     session policies and SCPs
 * @param action the Action or NotAction element
 * @param resource the Resource or NotResource element; null in trust policies, and in resource-based
 *     policies that leave it out (the statement then covers the resource the policy is attached to)
 * @param conditions the Condition block's tests, in document order; empty when there is none
 * @param at where the statement's opening brace was written
 */
public record Statement(
        int index,
        @Nullable String sid,
        Effect effect,
        @Nullable PrincipalElement principal,
        ActionElement action,
        @Nullable ResourceElement resource,
        List<Condition> conditions,
        SourcePosition at) {

    public Statement {
        conditions = List.copyOf(conditions);
    }

    /**
     * Whether the statement covers nothing whatever it says: {@code NotResource} or {@code NotAction}
     * leaving out {@code *}.
     */
    public boolean coversNothing() {
        boolean noResource = resource != null
                && resource.negated()
                && resource.patterns().stream().anyMatch(ResourcePattern::isAll);
        boolean noAction = action.negated() && action.patterns().stream().anyMatch(ActionPattern::isAll);
        return noResource || noAction;
    }

    /** Whether the statement has a Condition block. */
    public boolean isConditional() {
        return !conditions.isEmpty();
    }

    /** A short label for people, e.g. {@code statement 2 (Sid ReadLogs)}; numbered from 1. */
    public String label() {
        return "statement " + (index + 1) + (sid == null || sid.isEmpty() ? "" : " (Sid " + sid + ")");
    }
}
