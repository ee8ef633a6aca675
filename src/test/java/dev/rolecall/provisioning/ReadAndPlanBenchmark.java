package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.test.MotoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Prints the time to read a live role and plan a change against it (not a test: run with {@code
 * ./mvnw -Pbench test -Dtest=ReadAndPlanBenchmark}). The role has 10 inline and 20 managed
 * policies, 3 tags and an instance profile, in moto; each round reads it whole (GetRole, the list
 * calls, one GetRolePolicy per inline policy) and computes the minimal plan of a change that edits
 * one inline policy, detaches one managed policy and adds a tag. 5 rounds warm up, 30 are measured.
 */
class ReadAndPlanBenchmark {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "bench-read-and-plan";
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 30;

    @Test
    void readAndPlan() {
        MotoServer moto = MotoServer.shared();
        TargetAccount account =
                new TargetAccount(ACCOUNT, "moto", "bench", "us-east-1", moto.endpoint(), null, null, ApplyMode.APPLY);
        try (IamClient iam = moto.iamClient();
                IamGateway gateway = new IamGateway(new ProvisioningProperties(
                        3, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30), 1000))) {
            createRole(iam);
            LiveRoles liveRoles = new LiveRoles(AccountRegistry.of(account), gateway);
            LiveChangePlanning planning = new LiveChangePlanning(
                    liveRoles,
                    new StaticListableBeanFactory().getBeanProvider(AdoptedRoles.class),
                    AccountRegistry.of(account));
            List<Long> micros = new ArrayList<>();
            int calls = 0;
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                long started = System.nanoTime();
                LiveRole live = liveRoles.read(ACCOUNT, ROLE).orElseThrow();
                ChangePlan plan = planning.plan(RequestKind.CHANGE, live, changed(live.spec()));
                long took = (System.nanoTime() - started) / 1000;
                if (round >= WARM_UP) {
                    micros.add(took);
                }
                calls = plan.calls().size();
            }
            Collections.sort(micros);
            System.out.printf(
                    "read-and-plan, role with 10 inline + 20 managed policies (moto, %d rounds): "
                            + "median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms; plan has %d calls%n",
                    ROUNDS,
                    micros.get(ROUNDS / 2) / 1000.0,
                    micros.get(ROUNDS * 9 / 10) / 1000.0,
                    micros.get(0) / 1000.0,
                    micros.get(ROUNDS - 1) / 1000.0,
                    calls);
        }
    }

    private static void createRole(IamClient iam) {
        moto().reset();
        iam.createRole(request -> request.roleName(ROLE)
                .assumeRolePolicyDocument(TestSpecs.TRUST)
                .tags(
                        tag -> tag.key("team").value("payments"),
                        tag -> tag.key("cost-center").value("cc-1234"),
                        tag -> tag.key("managed-by").value("rolecall")));
        for (int i = 0; i < 10; i++) {
            String name = "inline-" + i;
            iam.putRolePolicy(request -> request.roleName(ROLE).policyName(name).policyDocument(TestSpecs.READ_BUCKET));
        }
        for (int i = 0; i < 20; i++) {
            String name = "managed-" + i;
            String arn = iam.createPolicy(request -> request.policyName(name).policyDocument(TestSpecs.WRITE_QUEUE))
                    .policy()
                    .arn();
            iam.attachRolePolicy(request -> request.roleName(ROLE).policyArn(arn));
        }
        iam.createInstanceProfile(request -> request.instanceProfileName("bench-profile"));
        iam.addRoleToInstanceProfile(
                request -> request.instanceProfileName("bench-profile").roleName(ROLE));
    }

    private static MotoServer moto() {
        return MotoServer.shared();
    }

    /** One inline policy edited, one managed policy detached, one tag added. */
    private static RoleSpec changed(RoleSpec live) {
        Map<String, tools.jackson.databind.JsonNode> inline = new LinkedHashMap<>(live.inlinePolicies());
        inline.put("inline-0", TestSpecs.json(TestSpecs.WRITE_QUEUE));
        List<String> managed = new ArrayList<>(live.managedPolicyArns());
        managed.remove(0);
        Map<String, String> tags = new LinkedHashMap<>(live.tags());
        tags.put("owner", "ana");
        return new RoleSpec(
                live.accountId(),
                live.roleName(),
                live.path(),
                live.description(),
                live.trustPolicy(),
                managed,
                inline,
                live.permissionsBoundaryArn(),
                live.maxSessionDurationSeconds(),
                tags,
                null);
    }
}
