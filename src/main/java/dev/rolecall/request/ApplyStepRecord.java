package dev.rolecall.request;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One IAM call made (or, plan-only, planned) for a request, as the provisioning module reports it.
 *
 * @param call the IAM API name, e.g. {@code CreateRole}
 * @param parameters the call's parameters as sent, for reviewers and the audit trail
 * @param status the outcome
 * @param errorCode the AWS error code when the call failed
 * @param errorMessage the AWS error message when the call failed
 * @param attempts how many attempts the call took, the first included; more than one means retries
 */
public record ApplyStepRecord(
        String call,
        Map<String, Object> parameters,
        ApplyStepStatus status,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        int attempts) {

    /** A call made (or planned) in one attempt. */
    public ApplyStepRecord(
            String call,
            Map<String, Object> parameters,
            ApplyStepStatus status,
            @Nullable String errorCode,
            @Nullable String errorMessage) {
        this(call, parameters, status, errorCode, errorMessage, 1);
    }
}
