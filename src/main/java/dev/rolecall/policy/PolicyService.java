package dev.rolecall.policy;

import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The policy engine's façade. */
@Service
public class PolicyService {

    /**
     * Checks a document against the IAM policy grammar for its kind.
     *
     * @return the problems found; empty when the document is well formed
     */
    public List<PolicyProblem> checkGrammar(PolicyKind kind, JsonNode document) {
        return PolicyGrammar.check(kind, document);
    }
}
