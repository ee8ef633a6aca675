package dev.rolecall.policy.permissions;

import dev.rolecall.policy.PolicyFieldError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of a simulation, or why it could not run.
 *
 * @param result the decision; null exactly when there are errors
 * @param errors what is wrong with the input (malformed JSON, invalid policies, missing action)
 */
public record PolicySimulationOutcome(@Nullable SimulationResult result, List<PolicyFieldError> errors) {

    public PolicySimulationOutcome {
        errors = List.copyOf(errors);
    }
}
