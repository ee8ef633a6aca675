package dev.rolecall.policy.permissions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "may this principal do this action on this resource?".
 *
 * @param decision allowed, explicitly denied or implicitly denied
 * @param decisiveStatements for an explicit deny, every deny statement that matched; for an allow,
 *     the allow statements each required layer relied on; empty for an implicit deny
 * @param explanation one or two plain sentences saying why; when a special AWS rule shaped the
 *     decision, it says so in words
 * @param rule the special AWS rule that shaped the decision, or null when the general evaluation
 *     logic alone decided it
 */
public record SimulationResult(
        AccessDecision decision,
        List<DecisiveStatement> decisiveStatements,
        String explanation,
        @Nullable AwsRule rule) {

    public SimulationResult {
        decisiveStatements = List.copyOf(decisiveStatements);
    }

    /** A decision of the general evaluation logic, without special rule. */
    public SimulationResult(AccessDecision decision, List<DecisiveStatement> decisiveStatements, String explanation) {
        this(decision, decisiveStatements, explanation, null);
    }

    /** Whether the request is allowed. */
    public boolean allowed() {
        return decision == AccessDecision.ALLOWED;
    }
}
