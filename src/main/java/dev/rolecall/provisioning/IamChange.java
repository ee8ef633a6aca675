package dev.rolecall.provisioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A call that changes or removes part of a role that exists: the calls of CHANGE and DELETE plans. */
sealed interface IamChange extends IamCall {

    /** Replaces the trust policy. */
    record UpdateAssumeRolePolicy(String roleName, JsonNode policyDocument) implements IamChange {

        @Override
        public String name() {
            return "UpdateAssumeRolePolicy";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf(
                    "RoleName", roleName, "PolicyDocument", IamCall.JSON.convertValue(policyDocument, Object.class));
        }
    }

    /**
     * Sets the description and maximum session duration. A description of {@code ""} clears it.
     */
    record UpdateRole(String roleName, String description, int maxSessionDuration) implements IamChange {

        @Override
        public String name() {
            return "UpdateRole";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf(
                    "RoleName", roleName, "Description", description, "MaxSessionDuration", maxSessionDuration);
        }
    }

    /** Sets or replaces the permissions boundary. */
    record PutRolePermissionsBoundary(String roleName, String permissionsBoundary) implements IamChange {

        @Override
        public String name() {
            return "PutRolePermissionsBoundary";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf("RoleName", roleName, "PermissionsBoundary", permissionsBoundary);
        }
    }

    /** Removes the permissions boundary. */
    record DeleteRolePermissionsBoundary(String roleName) implements IamChange {

        @Override
        public String name() {
            return "DeleteRolePermissionsBoundary";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf("RoleName", roleName);
        }
    }

    /** Removes one inline policy. */
    record DeleteRolePolicy(String roleName, String policyName) implements IamChange {

        @Override
        public String name() {
            return "DeleteRolePolicy";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf("RoleName", roleName, "PolicyName", policyName);
        }
    }

    /** Detaches one managed policy. */
    record DetachRolePolicy(String roleName, String policyArn) implements IamChange {

        @Override
        public String name() {
            return "DetachRolePolicy";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf("RoleName", roleName, "PolicyArn", policyArn);
        }
    }

    /** Adds or overwrites tags. */
    record TagRole(String roleName, Map<String, String> tags) implements IamChange {

        public TagRole {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        @Override
        public String name() {
            return "TagRole";
        }

        @Override
        public Map<String, Object> parameters() {
            List<Map<String, String>> tagList = new ArrayList<>();
            tags.forEach((key, value) -> tagList.add(Map.of("Key", key, "Value", value)));
            return parametersOf("RoleName", roleName, "Tags", tagList);
        }
    }

    /** Removes tags by key. */
    record UntagRole(String roleName, List<String> tagKeys) implements IamChange {

        public UntagRole {
            tagKeys = List.copyOf(tagKeys);
        }

        @Override
        public String name() {
            return "UntagRole";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf("RoleName", roleName, "TagKeys", tagKeys);
        }
    }

    /** Takes the role out of one instance profile. */
    record RemoveRoleFromInstanceProfile(String roleName, String instanceProfileName) implements IamChange {

        @Override
        public String name() {
            return "RemoveRoleFromInstanceProfile";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf("InstanceProfileName", instanceProfileName, "RoleName", roleName);
        }
    }

    /** Deletes the role, once it has no policies and is in no instance profile. */
    record DeleteRole(String roleName) implements IamChange {

        @Override
        public String name() {
            return "DeleteRole";
        }

        @Override
        public Map<String, Object> parameters() {
            return parametersOf("RoleName", roleName);
        }
    }

    private static Map<String, Object> parametersOf(@Nullable Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                parameters.put(String.valueOf(namesAndValues[i]), value);
            }
        }
        return parameters;
    }
}
