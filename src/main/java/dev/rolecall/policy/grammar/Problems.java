package dev.rolecall.policy.grammar;

import dev.rolecall.policy.PolicyProblem;
import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.policy.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the problems of one document, each with its full location. */
final class Problems {

    private final String policy;
    private final List<PolicyProblem> list = new ArrayList<>();

    Problems(String policy) {
        this.policy = policy;
    }

    /** A problem outside any statement. */
    void document(@Nullable String element, SourcePosition at, String message) {
        add(new PolicyLocation(policy, -1, null, element, at.line(), at.column()), message);
    }

    /** A problem inside a statement. */
    void statement(int index, @Nullable String sid, @Nullable String element, SourcePosition at, String message) {
        add(new PolicyLocation(policy, index, sid, element, at.line(), at.column()), message);
    }

    private void add(PolicyLocation location, String message) {
        list.add(PolicyProblem.at(location, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<PolicyProblem> list() {
        return List.copyOf(list);
    }
}
