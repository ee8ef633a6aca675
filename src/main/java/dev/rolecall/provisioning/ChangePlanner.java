package dev.rolecall.provisioning;

import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Computes the change plan of an approved request: the ordered IAM calls that create its role.
 * CreateRole comes first, then one PutRolePolicy per inline policy and one AttachRolePolicy per
 * managed policy, in the order the request lists them.
 */
@Component
class ChangePlanner {

    static final String MANAGED_BY_TAG = "managed-by";
    static final String MANAGED_BY_VALUE = "rolecall";
    static final String REQUEST_ID_TAG = "rolecall:request-id";

    List<IamCall> plan(RoleRequestId requestId, RoleSpec spec) {
        List<IamCall> calls = new ArrayList<>();
        calls.add(new IamCall.CreateRole(
                spec.roleName(),
                spec.path(),
                spec.description(),
                spec.trustPolicy(),
                spec.maxSessionDurationSeconds(),
                spec.permissionsBoundaryArn(),
                tags(requestId, spec)));
        spec.inlinePolicies()
                .forEach((name, document) -> calls.add(new IamCall.PutRolePolicy(spec.roleName(), name, document)));
        spec.managedPolicyArns().forEach(arn -> calls.add(new IamCall.AttachRolePolicy(spec.roleName(), arn)));
        return List.copyOf(calls);
    }

    /** The requester's tags, then the two Rolecall sets on every role it creates. */
    private static Map<String, String> tags(RoleRequestId requestId, RoleSpec spec) {
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put(MANAGED_BY_TAG, MANAGED_BY_VALUE);
        tags.put(REQUEST_ID_TAG, requestId.toString());
        return tags;
    }
}
