package dev.rolecall.request.events;

import dev.rolecall.request.ApplyStepRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The IAM calls of a request as its outcome's audit event names them. */
final class AuditedCalls {

    private AuditedCalls() {}

    /** Each call in order: its name, outcome, attempts and parameters, and the AWS error if it failed. */
    static List<Map<String, Object>> of(List<ApplyStepRecord> calls) {
        return calls.stream().map(AuditedCalls::of).toList();
    }

    private static Map<String, Object> of(ApplyStepRecord call) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("call", call.call());
        details.put("status", call.status());
        details.put("attempts", call.attempts());
        details.put("parameters", call.parameters());
        if (call.errorCode() != null) {
            details.put("errorCode", call.errorCode());
            details.put("errorMessage", String.valueOf(call.errorMessage()));
        }
        return details;
    }
}
