package dev.rolecall.policy.permissions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "can this role do this action on this resource?".
 *
 * @param action the action asked about
 * @param resource the resource asked about
 * @param decision allowed, explicitly denied or implicitly denied
 * @param decisiveStatements the statements that decide it (see {@link SimulationResult})
 * @param explanation one line for people, e.g. "ALLOWED by inline policy read-logs, statement 1 (Sid
 *     ReadLogs); not blocked by the permissions boundary."
 * @param notAnalysed policies that could not be read and might change the answer
 * @param rule the special AWS rule that shaped the answer (KMS key policy, role trust policy, …), or
 *     null
 */
public record AccessAnswer(
        String action,
        String resource,
        AccessDecision decision,
        List<DecisiveStatement> decisiveStatements,
        String explanation,
        List<NotAnalysedPolicy> notAnalysed,
        @Nullable AwsRule rule) {

    public AccessAnswer {
        decisiveStatements = List.copyOf(decisiveStatements);
        notAnalysed = List.copyOf(notAnalysed);
    }

    public boolean allowed() {
        return decision == AccessDecision.ALLOWED;
    }
}
