package dev.rolecall.provisioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One IAM call of a change plan. Plan-only accounts record it; apply makes exactly this call, so
 * what reviewers see is what is sent.
 */
sealed interface IamCall permits IamCall.CreateRole, IamCall.PutRolePolicy, IamCall.AttachRolePolicy, IamChange {

    JsonMapper JSON = JsonMapper.builder().build();

    /** The IAM API name, e.g. {@code CreateRole}. */
    String name();

    /** The role the call acts on. */
    String roleName();

    /**
     * The call's parameters under their IAM names, for reviewers and the audit trail. Policy
     * documents appear as JSON objects; they are sent as their compact JSON text.
     */
    Map<String, Object> parameters();

    /** What makes two calls of one plan the same call: see {@link #key(String, Map)}. */
    default String key() {
        return key(name(), parameters());
    }

    /**
     * What makes two calls of one plan the same call, for a recorded step as for a planned call: its
     * name and the policy it is about. A retry skips the calls whose key succeeded before.
     */
    static String key(String name, Map<String, ?> parameters) {
        Object policy = parameters.get("PolicyName");
        if (policy == null) {
            policy = parameters.get("PolicyArn");
        }
        if (policy == null) {
            policy = parameters.get("InstanceProfileName");
        }
        return name + " " + (policy == null ? "" : policy);
    }

    /** The compact JSON text of a policy document, as sent to IAM. */
    static String text(JsonNode document) {
        return JSON.writeValueAsString(document);
    }

    /** Creates the role with its trust policy, boundary, session duration and tags. */
    record CreateRole(
            String roleName,
            String path,
            @Nullable String description,
            JsonNode assumeRolePolicyDocument,
            int maxSessionDuration,
            @Nullable String permissionsBoundary,
            Map<String, String> tags)
            implements IamCall {

        public CreateRole {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        @Override
        public String name() {
            return "CreateRole";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("RoleName", roleName);
            parameters.put("Path", path);
            if (description != null) {
                parameters.put("Description", description);
            }
            parameters.put("AssumeRolePolicyDocument", plain(assumeRolePolicyDocument));
            parameters.put("MaxSessionDuration", maxSessionDuration);
            if (permissionsBoundary != null) {
                parameters.put("PermissionsBoundary", permissionsBoundary);
            }
            List<Map<String, String>> tagList = new ArrayList<>();
            tags.forEach((key, value) -> tagList.add(Map.of("Key", key, "Value", value)));
            parameters.put("Tags", tagList);
            return parameters;
        }
    }

    /** Adds or replaces one inline policy of the role. */
    record PutRolePolicy(String roleName, String policyName, JsonNode policyDocument) implements IamCall {

        @Override
        public String name() {
            return "PutRolePolicy";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("RoleName", roleName);
            parameters.put("PolicyName", policyName);
            parameters.put("PolicyDocument", plain(policyDocument));
            return parameters;
        }
    }

    /** Attaches one AWS or customer managed policy to the role. */
    record AttachRolePolicy(String roleName, String policyArn) implements IamCall {

        @Override
        public String name() {
            return "AttachRolePolicy";
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("RoleName", roleName);
            parameters.put("PolicyArn", policyArn);
            return parameters;
        }
    }

    /** A policy document as plain maps and lists, so any serializer renders it as JSON. */
    private static Object plain(JsonNode document) {
        return JSON.convertValue(document, Object.class);
    }
}
