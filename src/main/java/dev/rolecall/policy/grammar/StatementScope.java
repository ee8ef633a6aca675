package dev.rolecall.policy.grammar;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.model.SourcePosition;
import org.jspecify.annotations.Nullable;

/** The statement being read: where to report its problems and which grammar applies. */
record StatementScope(
        Problems problems,
        PolicyKind kind,
        int index,
        @Nullable String sid) {

    void report(String element, SourcePosition at, String message) {
        problems.statement(index, sid, element, at, message);
    }
}
