package dev.rolecall.request.web;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.RoleSpecConverter;
import dev.rolecall.request.spec.SubmitRoleRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/role-requests}, and of {@code PUT /api/v1/role-requests/{id}}
 * with {@code version}: the version of the request that was read, which a new request never has.
 * Missing fields are reported, not defaulted silently. {@code kind} is CREATE unless given: a
 * CHANGE takes the whole desired spec of an existing role, a DELETE only {@code accountId},
 * {@code roleName} and {@code justification}. {@code emergency: true} with {@code emergencyReason} files
 * a CREATE or CHANGE as an emergency (break-glass), for the people allowed to.
 */
record RoleRequestPayload(
        @Nullable String accountId,
        @Nullable String roleName,
        @Nullable String path,
        @Nullable String description,
        @Nullable JsonNode trustPolicy,
        @Nullable List<String> managedPolicyArns,
        @Nullable Map<String, JsonNode> inlinePolicies,
        @Nullable String permissionsBoundaryArn,
        @Nullable Integer maxSessionDurationSeconds,
        @Nullable Map<String, String> tags,
        @Nullable Instant expiresAt,
        @Nullable String justification,
        @Nullable Long version,
        @Nullable RequestKind kind,
        @Nullable Boolean emergency,
        @Nullable String emergencyReason) {

    /** A command to check, and the fields that are missing or of the wrong JSON type. */
    record Result(SubmitRoleRequest command, List<FieldProblem> problems) {}

    /**
     * Builds the command; a missing or mistyped field is reported and stands in as empty, so that
     * validation can still report every other field at once. {@code path} defaults to {@code /}
     * and the session to one hour, as in IAM.
     */
    Result toCommand() {
        List<FieldProblem> problems = new ArrayList<>();
        required(accountId, "accountId", problems);
        required(roleName, "roleName", problems);
        required(justification, "justification", problems);
        checkTrustPolicy(problems);
        Map<String, JsonNode> inline = inlinePolicies == null ? Map.of() : inlinePolicies;
        inline.forEach((name, document) -> {
            if (document == null || !document.isObject()) {
                problems.add(new FieldProblem("inlinePolicies." + name, "must be a JSON object"));
            }
        });
        RoleSpec spec = new RoleSpec(
                accountId == null ? "" : accountId,
                roleName == null ? "" : roleName,
                path == null ? "/" : path,
                description,
                trustPolicy == null || !trustPolicy.isObject()
                        ? RoleSpecConverter.JSON.createObjectNode()
                        : trustPolicy,
                managedPolicyArns == null ? List.of() : managedPolicyArns,
                objectsOnly(inline),
                permissionsBoundaryArn,
                maxSessionDurationSeconds == null ? RoleSpec.DEFAULT_SESSION_SECONDS : maxSessionDurationSeconds,
                tags == null ? Map.of() : tags,
                expiresAt);
        return new Result(
                new SubmitRoleRequest(
                        spec,
                        justification == null ? "" : justification,
                        Map.of(),
                        kind == null ? RequestKind.CREATE : kind,
                        Boolean.TRUE.equals(emergency),
                        emergencyReason),
                problems);
    }

    private void checkTrustPolicy(List<FieldProblem> problems) {
        if (trustPolicy == null || trustPolicy.isNull()) {
            problems.add(new FieldProblem("trustPolicy", "is required: the trust policy as a JSON object"));
        } else if (!trustPolicy.isObject()) {
            problems.add(new FieldProblem("trustPolicy", "must be a JSON object, not a string or array"));
        }
    }

    /** The inline policies that are JSON objects, in the order given; the others were reported. */
    private static Map<String, JsonNode> objectsOnly(Map<String, JsonNode> inline) {
        return inline.entrySet().stream()
                .filter(policy -> policy.getValue() != null && policy.getValue().isObject())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static void required(@Nullable String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }
}
