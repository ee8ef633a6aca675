package dev.rolecall.request.events;

import dev.rolecall.request.ApplyStepRecord;
import java.time.Instant;
import java.util.Map;

/** One IAM call was made, or planned, for a request. */
public record RoleApplyStepRecorded(
        RoleRequestRef request, String actor, Instant occurredAt, int position, ApplyStepRecord step)
        implements RoleRequestActivity {

    @Override
    public String action() {
        return "apply.step";
    }

    @Override
    public Map<String, Object> details() {
        return step.errorCode() == null
                ? Map.of(
                        "position",
                        position,
                        "call",
                        step.call(),
                        "status",
                        step.status(),
                        "parameters",
                        step.parameters())
                : Map.of(
                        "position",
                        position,
                        "call",
                        step.call(),
                        "status",
                        step.status(),
                        "parameters",
                        step.parameters(),
                        "errorCode",
                        step.errorCode(),
                        "errorMessage",
                        String.valueOf(step.errorMessage()));
    }
}
