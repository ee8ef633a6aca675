package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.change.PlannedCall;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * An admin scans an account of 1,000 roles (more than one page of ListRoles) and a service-linked
 * role, sees each role's risk, and adopts two: each becomes an IMPORT request, routed and reviewed
 * like any other, and once approved an IMPORTED role of the inventory; AWS is unchanged unless the
 * account allows the managed-by tag.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
@UsesMoto
class RoleImportIntegrationTests {

    static final String ACCOUNT = "444455556666";
    static final String TAGGING = "777788889999";
    static final String PLAN_ONLY = "111122223333";
    static final int ROLES = 1000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final IamClient iam = MotoServer.shared().iamClient();

    @Autowired
    RoleImport imports;

    @Autowired
    RoleInventory inventory;

    @Autowired
    RoleRequestService requests;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        RoleExpiryIntegrationTests.account(registry, 0, ACCOUNT);
        RoleExpiryIntegrationTests.account(registry, 1, TAGGING);
        registry.add("rolecall.inventory.accounts." + TAGGING + ".tag-adopted", () -> "true");
        registry.add("rolecall.accounts[2].id", () -> PLAN_ONLY);
        registry.add("rolecall.accounts[2].name", () -> "plan-only");
        registry.add("rolecall.accounts[2].mode", () -> "PLAN_ONLY");
    }

    @Test
    void aScanListsEveryRoleAcrossPagesAndAdoptionFilesImportRequestsThatRecordTheRoleOnceApproved() {
        IntStream.range(0, ROLES)
                .parallel()
                .forEach(i -> iam.createRole(request -> request.roleName(String.format("legacy-%04d", i))
                        .assumeRolePolicyDocument(InventorySpecs.TRUST)));
        iam.putRolePolicy(
                request -> request.roleName("legacy-0007")
                        .policyName("admin")
                        .policyDocument(
                                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        iam.tagRole(request ->
                request.roleName("legacy-0007").tags(tag -> tag.key("team").value("platform")));
        iam.createServiceLinkedRole(request -> request.awsServiceName("elasticbeanstalk.amazonaws.com"));

        RoleImport.Scan scan = imports.scan(ACCOUNT, DAVE);

        assertThat(scan.rows()).hasSize(ROLES + 1);
        assertThat(scan.rows().get(0).name()).isEqualTo("legacy-0007");
        assertThat(scan.rows().get(0).risk().name()).isEqualTo("CRITICAL");
        RoleImport.ScanRow linked = scan.rows().stream()
                .filter(RoleImport.ScanRow::serviceLinked)
                .findFirst()
                .orElseThrow();
        assertThat(linked.path()).startsWith("/aws-service-role/");
        assertThat(linked.adoptable()).isFalse();
        assertThat(scan.adoptable()).isEqualTo(ROLES);

        RoleImport.Adoption adoption =
                imports.adopt(ACCOUNT, List.of("legacy-0007", "legacy-0008", linked.name()), "Predates Rolecall", DAVE);

        assertThat(adoption.filed()).hasSize(2);
        assertThat(adoption.refused()).containsOnlyKeys(linked.name());
        assertThat(adoption.refused().get(linked.name())).contains("service-linked");
        RoleRequestView filed = adoption.filed().get(0);
        assertThat(filed.kind()).isEqualTo(RequestKind.IMPORT);
        assertThat(filed.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(filed.requester()).isEqualTo("dave");
        assertThat(filed.spec().inlinePolicies()).containsKey("admin");
        assertThat(Objects.requireNonNull(filed.changePlan()).calls()).isEmpty();
        // Filing changes nothing: the role is not in the inventory until a reviewer approves.
        assertThatThrownBy(() -> inventory.get(ACCOUNT, "legacy-0007", BOB)).isInstanceOf(InventoryException.class);
        assertThatThrownBy(() -> requests.decide(filed.id(), null, DecisionType.APPROVE, "mine", DAVE))
                .isInstanceOf(ActionNotAllowedException.class);

        approveAndAwait(filed, RoleRequestStatus.APPLIED);

        ManagedRole.Row adopted = awaitImported(ACCOUNT, "legacy-0007");
        assertThat(adopted.ownerTeam()).isEqualTo("platform");
        assertThat(adopted.risk().name()).isEqualTo("CRITICAL");
        assertThat(adopted.spec().inlinePolicies()).containsKey("admin");
        assertThat(adopted.lastRequestId()).isEqualTo(filed.id().value());
        assertThat(inventory.get(ACCOUNT, "legacy-0007", BOB).history())
                .extracting(ManagedRoleRepository.RoleEvent::kind, ManagedRoleRepository.RoleEvent::requestId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "ADOPTED", filed.id().value()));
        assertThat(requests.get(filed.id(), DAVE).applySteps()).isEmpty();
        assertThat(iam.listRoleTags(request -> request.roleName("legacy-0007")).tags())
                .noneMatch(tag -> tag.key().equals("managed-by"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'inventory.adopted' AND account_id = ?"
                                + " AND role_name LIKE 'legacy-%'",
                        Integer.class, ACCOUNT))
                .isEqualTo(1);
        // Adopted roles are in the inventory now: a second scan no longer offers them, a second adoption is refused.
        assertThat(imports.scan(ACCOUNT, DAVE).adoptable()).isEqualTo(ROLES - 1);
        assertThat(imports.adopt(ACCOUNT, List.of("legacy-0007"), "again", DAVE)
                        .refused()
                        .get("legacy-0007"))
                .contains("already manages");
    }

    @Test
    void aRoleChangedInAwsBeforeApprovalReturnsToReviewAsItIsNow() {
        iam.createRole(request -> request.roleName("moving-legacy").assumeRolePolicyDocument(InventorySpecs.TRUST));
        RoleRequestView filed = requests.fileImport(ACCOUNT, "moving-legacy", "Predates Rolecall", DAVE);
        iam.attachRolePolicy(
                request -> request.roleName("moving-legacy").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));

        requests.decide(filed.id(), null, DecisionType.APPROVE, "Looks right", BOB);
        RoleRequestView back =
                await().atMost(PATIENCE).until(() -> requests.get(filed.id(), DAVE), view -> view.revision() == 2);

        assertThat(back.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThat(back.spec().managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThatThrownBy(() -> inventory.get(ACCOUNT, "moving-legacy", BOB)).isInstanceOf(InventoryException.class);
        approveAndAwait(back, RoleRequestStatus.APPLIED);
        assertThat(awaitImported(ACCOUNT, "moving-legacy").spec().managedPolicyArns())
                .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void anAccountThatAllowsItTagsAdoptedRolesOnApprovalAndOnlyAdminsImport() {
        iam.createRole(request -> request.roleName("tagged-legacy").assumeRolePolicyDocument(InventorySpecs.TRUST));

        assertThatThrownBy(() -> imports.scan(TAGGING, BOB)).isInstanceOf(InventoryException.class);
        assertThatThrownBy(() -> imports.adopt(TAGGING, List.of("tagged-legacy"), "mine", BOB))
                .isInstanceOf(InventoryException.class);
        assertThatThrownBy(() -> requests.fileImport(TAGGING, "tagged-legacy", "mine", ALICE))
                .isInstanceOf(ActionNotAllowedException.class);
        RoleRequestView filed = imports.adopt(TAGGING, List.of("tagged-legacy"), "Predates Rolecall", DAVE)
                .filed()
                .get(0);

        assertThat(Objects.requireNonNull(filed.changePlan()).calls())
                .extracting(PlannedCall::call)
                .containsExactly("TagRole");
        assertThat(iam.listRoleTags(request -> request.roleName("tagged-legacy"))
                        .tags())
                .isEmpty();
        approveAndAwait(filed, RoleRequestStatus.APPLIED);
        assertThat(iam.listRoleTags(request -> request.roleName("tagged-legacy"))
                        .tags())
                .anySatisfy(tag -> {
                    assertThat(tag.key()).isEqualTo("managed-by");
                    assertThat(tag.value()).isEqualTo("rolecall");
                });
        assertThat(awaitImported(TAGGING, "tagged-legacy").lastRequestId())
                .isEqualTo(filed.id().value());
    }

    @Test
    void theApiFilesAnImportForAdminsAndRefusesWhatCannotBeAdoptedOnItsField() throws Exception {
        iam.createRole(request -> request.roleName("api-legacy").assumeRolePolicyDocument(InventorySpecs.TRUST));

        mvc.perform(importRequest("dave", ACCOUNT, "api-legacy"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("IMPORT"))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.plan").isEmpty())
                .andExpect(jsonPath("$.spec.roleName").value("api-legacy"));
        mvc.perform(importRequest("dave", ACCOUNT, "api-legacy"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roleName"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("This role is already being adopted")));
        mvc.perform(importRequest("alice", ACCOUNT, "api-legacy"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("ADMINS_ONLY"));
        mvc.perform(importRequest("dave", ACCOUNT, "nobody"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roleName"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("No role named nobody")));
        mvc.perform(importRequest("dave", PLAN_ONLY, "api-legacy"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("plan-only")));
        String linked = iam.createServiceLinkedRole(request -> request.awsServiceName("autoscaling.amazonaws.com"))
                .role()
                .roleName();
        mvc.perform(importRequest("dave", ACCOUNT, linked))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roleName"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("service-linked")));
    }

    private static org.springframework.test.web.servlet.RequestBuilder importRequest(
            String user, String account, String role) {
        return post("/api/v1/role-requests")
                .with(httpBasic(user, "demo"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"IMPORT\",\"accountId\":\"" + account + "\",\"roleName\":\"" + role
                        + "\",\"justification\":\"Predates Rolecall\"}");
    }

    private void approveAndAwait(RoleRequestView filed, RoleRequestStatus status) {
        requests.decide(filed.id(), null, DecisionType.APPROVE, "Matches what runs today", BOB);
        await().atMost(PATIENCE).until(() -> requests.get(filed.id(), DAVE), view -> view.status() == status);
    }

    private ManagedRole.Row awaitImported(String account, String name) {
        return await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> inventory.get(account, name, BOB).role(), row -> row.state() == RoleState.IMPORTED);
    }
}
