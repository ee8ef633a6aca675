package dev.rolecall.policy;

import dev.rolecall.policy.grammar.PolicyParser;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The policy engine's façade for the other modules. */
@Service
public class PolicyService {

    private final PolicyParser parser = new PolicyParser();

    /**
     * Checks a document against the IAM policy grammar for its kind. The document came as a tree,
     * so locations name statement and element but no line and column.
     *
     * @return the problems found; empty when the document is well formed
     */
    public List<PolicyProblem> checkGrammar(PolicyKind kind, JsonNode document) {
        return parser.parse(kind, "", document).problems();
    }

    /**
     * Checks JSON text against the IAM policy grammar for its kind, with line and column in every
     * location. Oversized or deeply nested text gets one clean problem.
     *
     * @param name the policy's name as the person knows it, used in locations
     * @return the problems found; empty when the document is well formed
     */
    public List<PolicyProblem> checkGrammar(PolicyKind kind, String name, String json) {
        return parser.parse(kind, name, json).problems();
    }
}
