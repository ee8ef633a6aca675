package dev.rolecall.provisioning;

import static dev.rolecall.provisioning.TestSpecs.JSON;
import static dev.rolecall.provisioning.TestSpecs.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangePlannerTests {

    private static final RoleRequestId ID = new RoleRequestId(UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-001122334455"));

    private final ChangePlanner planner = new ChangePlanner();

    @Test
    void createsTheRoleThenPutsInlinePoliciesThenAttachesManagedPoliciesInTheRequestsOrder() {
        List<IamCall> plan = planner.plan(ID, TestSpecs.full("111122223333", "payments-reader"));

        assertThat(plan)
                .extracting(IamCall::name)
                .containsExactly(
                        "CreateRole", "PutRolePolicy", "PutRolePolicy", "AttachRolePolicy", "AttachRolePolicy");
        assertThat(plan).extracting(IamCall::roleName).containsOnly("payments-reader");
        assertThat(plan.get(1).parameters()).containsEntry("PolicyName", "read-reports");
        assertThat(plan.get(2).parameters()).containsEntry("PolicyName", "send-payments");
        assertThat(plan.get(3).parameters()).containsEntry("PolicyArn", TestSpecs.READ_ONLY);
        assertThat(plan.get(4).parameters()).containsEntry("PolicyArn", TestSpecs.CLOUDWATCH_READ_ONLY);
    }

    @Test
    void createRoleCarriesEveryFieldOfTheSpecUnderItsIamName() {
        IamCall createRole = planner.plan(ID, TestSpecs.full("111122223333", "payments-reader"))
                .get(0);

        Map<String, Object> parameters = createRole.parameters();
        assertThat(parameters)
                .containsOnlyKeys(
                        "RoleName",
                        "Path",
                        "Description",
                        "AssumeRolePolicyDocument",
                        "MaxSessionDuration",
                        "PermissionsBoundary",
                        "Tags");
        assertThat(parameters)
                .containsEntry("RoleName", "payments-reader")
                .containsEntry("Path", "/payments/")
                .containsEntry("Description", "Reads payment reports")
                .containsEntry("MaxSessionDuration", 7200)
                .containsEntry("PermissionsBoundary", TestSpecs.BOUNDARY);
        assertThat((Object) JSON.valueToTree(parameters.get("AssumeRolePolicyDocument")))
                .isEqualTo(json(TestSpecs.TRUST));
    }

    @Test
    void tagsTheRoleAsManagedByRolecallWithTheRequestIdAfterTheRequestersTags() {
        IamCall createRole = planner.plan(ID, TestSpecs.full("111122223333", "payments-reader"))
                .get(0);

        assertThat(createRole.parameters().get("Tags"))
                .isEqualTo(List.of(
                        Map.of("Key", "team", "Value", "payments"),
                        Map.of("Key", "cost-center", "Value", "cc-1234"),
                        Map.of("Key", "managed-by", "Value", "rolecall"),
                        Map.of("Key", "rolecall:request-id", "Value", "6f1c2d3e-4b5a-4c6d-8e7f-001122334455")));
    }

    @Test
    void aMinimalSpecIsOneCreateRoleWithoutOptionalParameters() {
        List<IamCall> plan = planner.plan(ID, TestSpecs.minimal("111122223333", "ci-deployer"));

        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).parameters())
                .doesNotContainKeys("Description", "PermissionsBoundary")
                .containsEntry("Path", "/")
                .containsEntry("MaxSessionDuration", 3600);
        assertThat(plan.get(0).parameters().get("Tags"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2);
    }

    @Test
    void policyDocumentsAreRecordedAsJsonObjectsAndSentAsTheirCompactText() {
        IamCall.PutRolePolicy put =
                (IamCall.PutRolePolicy) planner.plan(ID, TestSpecs.full("111122223333", "payments-reader"))
                        .get(1);

        String recorded = JSON.writeValueAsString(put.parameters());
        assertThat(json(recorded).get("PolicyDocument")).isEqualTo(json(TestSpecs.READ_BUCKET));
        assertThat(IamCall.text(put.policyDocument()))
                .doesNotContain(" ", "\n")
                .isEqualTo(JSON.writeValueAsString(json(TestSpecs.READ_BUCKET)));
    }

    @Test
    void theSameSpecAlwaysGivesTheSamePlan() {
        assertThat(planner.plan(ID, TestSpecs.full("111122223333", "payments-reader")))
                .isEqualTo(planner.plan(ID, TestSpecs.full("111122223333", "payments-reader")));
    }
}
