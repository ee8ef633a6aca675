package dev.rolecall.request.change;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One IAM call of a change plan, as reviewers see it and apply makes it.
 *
 * @param call the IAM API name, e.g. {@code PutRolePolicy}
 * @param parameters its parameters under their IAM names; policy documents as JSON objects
 */
public record PlannedCall(String call, Map<String, Object> parameters) {

    public PlannedCall {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
