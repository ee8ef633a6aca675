package dev.rolecall.policy.permissions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to simulate: who calls which action on which resource, with which request context.
 *
 * @param action e.g. {@code s3:GetObject}; matched without regard to case
 * @param resource the resource ARN, or {@code *} for actions that take no resource
 * @param principal who calls: a role ARN ({@code arn:aws:iam::111122223333:role/ci}), a role session
 *     ARN ({@code arn:aws:sts::111122223333:assumed-role/ci/build-42}), an IAM user ARN or a service
 *     principal ({@code lambda.amazonaws.com}); null when unknown (then only {@code "*"} principals in a
 *     resource-based policy match, and the resource counts as in the caller's account)
 * @param resourceAccount the account that owns the resource; null to take it from the resource ARN
 *     or, failing that (S3 ARNs name no account), the principal's account
 * @param context the request context: condition key to its values (one value, several, or none);
 *     keys match without regard to case
 */
public record AccessRequest(
        String action,
        String resource,
        @Nullable String principal,
        @Nullable String resourceAccount,
        Map<String, List<String>> context) {

    public AccessRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        context.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        context = Collections.unmodifiableMap(copy);
    }

    /** A request without principal or context. */
    public static AccessRequest of(String action, String resource) {
        return new AccessRequest(action, resource, null, null, Map.of());
    }

    /** This request with one more context key. */
    public AccessRequest with(String key, String... values) {
        Map<String, List<String>> copy = new LinkedHashMap<>(context);
        copy.put(key, List.of(values));
        return new AccessRequest(action, resource, principal, resourceAccount, copy);
    }
}
