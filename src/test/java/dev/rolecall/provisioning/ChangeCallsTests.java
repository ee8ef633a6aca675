package dev.rolecall.provisioning;

import static dev.rolecall.provisioning.TestSpecs.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The minimal calls between a live role and a desired one. */
class ChangeCallsTests {

    private static final String ACCOUNT = "444455556666";
    private static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static final int QUOTA = 10;
    private static final String S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    private static final String IAM_READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

    private final RoleSpec live = TestSpecs.full(ACCOUNT, "payments-reader");

    @Test
    void anUnchangedRoleNeedsNoCall() {
        assertThat(ChangeCalls.change(live, TestSpecs.full(ACCOUNT, "payments-reader"), QUOTA))
                .isEmpty();
    }

    @Test
    void managedPoliciesInAnotherOrderAreUnchanged() {
        RoleSpec reordered = with(
                live, live.inlinePolicies(), List.of(TestSpecs.CLOUDWATCH_READ_ONLY, TestSpecs.READ_ONLY), live.tags());

        assertThat(ChangeCalls.change(live, reordered, QUOTA)).isEmpty();
    }

    @Test
    void eachChangedFieldIsOneCallAndNothingElseIsCalled() {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        inline.put("read-reports", json(TestSpecs.WRITE_QUEUE));
        inline.put("new-one", json(TestSpecs.READ_BUCKET));
        Map<String, String> tags = Map.of("team", "payments", "owner", "ana");
        RoleSpec desired = new RoleSpec(
                ACCOUNT,
                "payments-reader",
                "/payments/",
                "Reads and writes payment reports",
                json(LAMBDA_TRUST),
                List.of(TestSpecs.READ_ONLY, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"),
                inline,
                "arn:aws:iam::aws:policy/ReadOnlyAccess",
                3600,
                tags,
                null);

        List<IamCall> calls = ChangeCalls.change(live, desired, QUOTA);

        assertThat(calls)
                .extracting(IamCall::key)
                .containsExactly(
                        "UpdateAssumeRolePolicy ",
                        "UpdateRole ",
                        "PutRolePermissionsBoundary ",
                        "PutRolePolicy read-reports",
                        "PutRolePolicy new-one",
                        "AttachRolePolicy arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                        "DetachRolePolicy " + TestSpecs.CLOUDWATCH_READ_ONLY,
                        "DeleteRolePolicy send-payments",
                        "TagRole ",
                        "UntagRole ");
        assertThat(calls.get(1).parameters())
                .containsEntry("Description", "Reads and writes payment reports")
                .containsEntry("MaxSessionDuration", 3600);
        assertThat(calls.get(8).parameters().get("Tags")).isEqualTo(List.of(Map.of("Key", "owner", "Value", "ana")));
        assertThat(calls.get(9).parameters().get("TagKeys")).isEqualTo(List.of("cost-center"));
    }

    @Test
    void removingTheBoundaryDeletesItAndClearingTheDescriptionSendsAnEmptyOne() {
        RoleSpec desired = new RoleSpec(
                ACCOUNT,
                "payments-reader",
                "/payments/",
                null,
                live.trustPolicy(),
                live.managedPolicyArns(),
                live.inlinePolicies(),
                null,
                7200,
                live.tags(),
                null);

        List<IamCall> calls = ChangeCalls.change(live, desired, QUOTA);

        assertThat(calls).extracting(IamCall::name).containsExactly("UpdateRole", "DeleteRolePermissionsBoundary");
        assertThat(calls.get(0).parameters()).containsEntry("Description", "");
    }

    @Test
    void belowTheQuotaASwapAttachesBeforeItDetaches() {
        RoleSpec swapped = with(live, live.inlinePolicies(), List.of(TestSpecs.READ_ONLY, S3_READ_ONLY), live.tags());

        assertThat(ChangeCalls.change(live, swapped, 3))
                .extracting(IamCall::key)
                .containsExactly(
                        "AttachRolePolicy " + S3_READ_ONLY, "DetachRolePolicy " + TestSpecs.CLOUDWATCH_READ_ONLY);
    }

    @Test
    void atTheQuotaASwapDetachesJustEnoughFirstAndTheRoleNeverHoldsMoreThanTheQuota() {
        // Live: ReadOnly, CloudWatch (2 of 2). Desired: S3, IAM (2 of 2): both detaches must come first.
        RoleSpec swapped = with(live, live.inlinePolicies(), List.of(S3_READ_ONLY, IAM_READ_ONLY), live.tags());

        List<IamCall> calls = ChangeCalls.change(live, swapped, 2);

        assertThat(calls)
                .extracting(IamCall::key)
                .containsExactly(
                        "DetachRolePolicy " + TestSpecs.READ_ONLY,
                        "DetachRolePolicy " + TestSpecs.CLOUDWATCH_READ_ONLY,
                        "AttachRolePolicy " + S3_READ_ONLY,
                        "AttachRolePolicy " + IAM_READ_ONLY);
        assertThat(mostAttachedAtOnce(live.managedPolicyArns().size(), calls)).isEqualTo(2);
    }

    @Test
    void oneSlotBelowTheQuotaOnlyOneDetachMovesFirst() {
        // Live: ReadOnly, CloudWatch (2 of 3). Desired: S3, IAM: one attach fits before any detach.
        RoleSpec swapped = with(live, live.inlinePolicies(), List.of(S3_READ_ONLY, IAM_READ_ONLY), live.tags());

        List<IamCall> calls = ChangeCalls.change(live, swapped, 3);

        assertThat(calls)
                .extracting(IamCall::key)
                .containsExactly(
                        "DetachRolePolicy " + TestSpecs.READ_ONLY,
                        "AttachRolePolicy " + S3_READ_ONLY,
                        "AttachRolePolicy " + IAM_READ_ONLY,
                        "DetachRolePolicy " + TestSpecs.CLOUDWATCH_READ_ONLY);
        assertThat(mostAttachedAtOnce(2, calls)).isEqualTo(3);
    }

    private static int mostAttachedAtOnce(int attached, List<IamCall> calls) {
        int now = attached;
        int most = attached;
        for (IamCall call : calls) {
            now += call.name().equals("AttachRolePolicy") ? 1 : call.name().equals("DetachRolePolicy") ? -1 : 0;
            most = Math.max(most, now);
        }
        return most;
    }

    @Test
    void aDeleteEmptiesTheRoleInTheOrderIamRequiresThenDeletesIt() {
        LiveRole role = new LiveRole(
                live,
                "arn:aws:iam::" + ACCOUNT + ":role/payments/payments-reader",
                "AROAEXAMPLE",
                Instant.EPOCH,
                List.of("payments-ec2"),
                Map.of(),
                Instant.EPOCH);

        assertThat(ChangeCalls.delete(role))
                .extracting(IamCall::key)
                .containsExactly(
                        "RemoveRoleFromInstanceProfile payments-ec2",
                        "DeleteRolePolicy read-reports",
                        "DeleteRolePolicy send-payments",
                        "DetachRolePolicy " + TestSpecs.READ_ONLY,
                        "DetachRolePolicy " + TestSpecs.CLOUDWATCH_READ_ONLY,
                        "DeleteRole ");
    }

    private static RoleSpec with(
            RoleSpec spec, Map<String, JsonNode> inline, List<String> managed, Map<String, String> tags) {
        return new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                spec.description(),
                spec.trustPolicy(),
                managed,
                inline,
                spec.permissionsBoundaryArn(),
                spec.maxSessionDurationSeconds(),
                tags,
                spec.expiresAt());
    }
}
