package dev.rolecall.policy.permissions;

import dev.rolecall.policy.PolicyKind;
import org.jspecify.annotations.Nullable;

/**
 * A statement that decided a simulation: a deny that matched, or an allow a required layer relied on.
 *
 * @param layer which kind of policy it is in
 * @param policy the policy's name, e.g. {@code identityPolicies[0]} or a name the caller gave
 * @param statementIndex its position in the Statement array, counted from 0
 * @param sid its Sid, if any
 * @param effect {@code Allow} or {@code Deny}
 */
public record DecisiveStatement(
        PolicyKind layer,
        String policy,
        int statementIndex,
        @Nullable String sid,
        String effect) {

    /** For people: {@code identity policy read-logs, statement 2 (Sid ReadLogs)}; statements counted from 1. */
    public String describe() {
        String kind = switch (layer) {
            case IDENTITY -> "identity policy";
            case BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case SERVICE_CONTROL -> "service control policy";
            case RESOURCE -> "resource-based policy";
            case TRUST -> "trust policy";
        };
        return kind + " " + policy + ", statement " + (statementIndex + 1)
                + (sid == null || sid.isEmpty() ? "" : " (Sid " + sid + ")");
    }
}
