package dev.rolecall.policy;

import java.util.List;

/**
 * The answer to "may this principal do this action on this resource?".
 *
 * @param decision allowed, explicitly denied or implicitly denied
 * @param decisiveStatements for an explicit deny, every deny statement that matched; for an allow,
 *     the allow statements each required layer relied on; empty for an implicit deny
 * @param explanation one or two plain sentences saying why
 */
public record SimulationResult(Decision decision, List<DecisiveStatement> decisiveStatements, String explanation) {

    public SimulationResult {
        decisiveStatements = List.copyOf(decisiveStatements);
    }

    /** Whether the request is allowed. */
    public boolean allowed() {
        return decision == Decision.ALLOWED;
    }
}
