package dev.rolecall.policy.simulation;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Statement;
import dev.rolecall.policy.permissions.DecisiveStatement;

/** A statement that covers the request, and in which layer it sits. */
record Hit(PolicyKind layer, PolicyDocument policy, Statement statement) {

    /** Appends what {@link DecisiveStatement#describe()} says, without building the record. */
    void describe(StringBuilder text) {
        text.append(
                        switch (layer) {
                            case IDENTITY -> "identity policy ";
                            case BOUNDARY -> "permissions boundary ";
                            case SESSION -> "session policy ";
                            case SERVICE_CONTROL -> "service control policy ";
                            case RESOURCE -> "resource-based policy ";
                            case TRUST -> "trust policy ";
                        })
                .append(policy.name())
                .append(", statement ")
                .append(statement.index() + 1);
        String sid = statement.sid();
        if (sid != null && !sid.isEmpty()) {
            text.append(" (Sid ").append(sid).append(')');
        }
    }

    DecisiveStatement decisive() {
        return new DecisiveStatement(
                layer,
                policy.name(),
                statement.index(),
                statement.sid(),
                statement.effect().json());
    }
}
