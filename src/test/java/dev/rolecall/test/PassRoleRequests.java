package dev.rolecall.test;

import static dev.rolecall.test.TestUsers.ALICE;

import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.SubmitRoleRequest;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files, as alice, a Lambda role in the plan-only demo account whose inline policy {@code pass-roles}
 * may pass any role: a HIGH or CRITICAL request, for tests of what a risky request looks like.
 */
public final class PassRoleRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PassRoleRequests() {}

    /** The role with only the pass-roles inline policy, filed "to deploy functions". */
    public static RoleRequestView file(RoleRequestService requests, String roleName) {
        return file(requests, roleName, List.of(), "Deploys functions");
    }

    /** The role with these AWS managed policies attached as well. */
    public static RoleRequestView file(
            RoleRequestService requests, String roleName, List<String> managedPolicyArns, String justification) {
        RoleSpec spec = new RoleSpec(
                RunningRolecallTests.DEMO_ACCOUNT,
                roleName,
                "/",
                null,
                JSON.readTree("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                         "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                managedPolicyArns,
                Map.of("pass-roles", JSON.readTree("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""")),
                null,
                3600,
                Map.of(),
                null);
        return requests.submit(new SubmitRoleRequest(spec, justification, Map.of()), ALICE);
    }
}
