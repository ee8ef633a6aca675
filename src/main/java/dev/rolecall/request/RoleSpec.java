package dev.rolecall.request;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a request asks for: one IAM role in one account. A value; every request revision holds one.
 *
 * @param accountId the 12-digit target account
 * @param roleName 1–64 characters of {@code [\w+=,.@-]}
 * @param path {@code /} or {@code /a/b/}, at most 512 characters
 * @param description at most 1000 characters, or {@code null}
 * @param trustPolicy the trust relationship (who may assume the role)
 * @param managedPolicyArns AWS or customer managed policies to attach
 * @param inlinePolicies inline policy documents by name
 * @param permissionsBoundaryArn the managed policy that caps the role's permissions, or {@code null}
 * @param maxSessionDurationSeconds 3600–43200
 * @param tags tags on the role, besides those Rolecall adds
 * @param expiresAt when a temporary role should be revoked, or {@code null}
 */
public record RoleSpec(
        String accountId,
        String roleName,
        String path,
        @Nullable String description,
        JsonNode trustPolicy,
        List<String> managedPolicyArns,
        Map<String, JsonNode> inlinePolicies,
        @Nullable String permissionsBoundaryArn,
        int maxSessionDurationSeconds,
        Map<String, String> tags,
        @Nullable Instant expiresAt) {

    public static final int DEFAULT_SESSION_SECONDS = 3600;

    public RoleSpec {
        managedPolicyArns = List.copyOf(managedPolicyArns);
        inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
