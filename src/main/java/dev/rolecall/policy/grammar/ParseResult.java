package dev.rolecall.policy.grammar;

import dev.rolecall.policy.PolicyProblem;
import dev.rolecall.policy.model.PolicyDocument;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of parsing one policy: the document when it is valid, otherwise the problems.
 *
 * @param document the parsed document; null exactly when {@link #problems()} is not empty
 * @param problems everything IAM would reject, in document order
 * @param size the size as IAM counts it (characters without whitespace); 0 when unreadable
 */
public record ParseResult(@Nullable PolicyDocument document, List<PolicyProblem> problems, int size) {

    public ParseResult {
        problems = List.copyOf(problems);
    }

    /** Whether the document is valid. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The document, for callers that checked {@link #isValid()}. */
    public PolicyDocument validDocument() {
        if (document == null) {
            throw new IllegalStateException("policy is not valid: " + problems);
        }
        return document;
    }
}
