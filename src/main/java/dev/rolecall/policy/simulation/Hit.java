package dev.rolecall.policy.simulation;

import dev.rolecall.policy.DecisiveStatement;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;

/** A statement that covers the request, and in which layer it sits. */
record Hit(PolicyKind layer, PolicyDocument policy, Statement statement) {

    DecisiveStatement decisive() {
        return new DecisiveStatement(layer, policy.name(), statement.index(), statement.sid(),
                statement.effect().json());
    }
}
