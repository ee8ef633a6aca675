package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RolecallIntegrationTest;
import dev.rolecall.test.UsesMoto;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * An admin scans an account of 1,000 roles (more than one page of ListRoles) and a service-linked
 * role, sees each role's risk, and adopts two: they become IMPORTED roles of the inventory, and AWS
 * is unchanged unless the account allows the managed-by tag.
 */
@RolecallIntegrationTest
@UsesMoto
class RoleImportIntegrationTests {

    static final String ACCOUNT = "444455556666";
    static final String TAGGING = "777788889999";
    static final int ROLES = 1000;

    private final IamClient iam = MotoServer.shared().iamClient();

    @Autowired
    RoleImport imports;

    @Autowired
    RoleInventory inventory;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        RoleExpiryIntegrationTests.account(registry, 0, ACCOUNT);
        RoleExpiryIntegrationTests.account(registry, 1, TAGGING);
        registry.add("rolecall.inventory.accounts." + TAGGING + ".tag-adopted", () -> "true");
    }

    @Test
    void aScanListsEveryRoleAcrossPagesWithRiskAndAdoptionRecordsWithoutChangingAws() {
        IntStream.range(0, ROLES)
                .parallel()
                .forEach(i -> iam.createRole(request -> request.roleName(String.format("legacy-%04d", i))
                        .assumeRolePolicyDocument(InventorySpecs.TRUST)));
        iam.putRolePolicy(
                request -> request.roleName("legacy-0007")
                        .policyName("admin")
                        .policyDocument(
                                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
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
                imports.adopt(ACCOUNT, List.of("legacy-0007", "legacy-0008", linked.name()), "platform", DAVE);

        assertThat(adoption.adopted()).containsExactly("legacy-0007", "legacy-0008");
        assertThat(adoption.skipped()).containsExactly(linked.name());
        ManagedRole.Row adopted = inventory.get(ACCOUNT, "legacy-0007", BOB).role();
        assertThat(adopted.state()).isEqualTo(RoleState.IMPORTED);
        assertThat(adopted.ownerTeam()).isEqualTo("platform");
        assertThat(adopted.risk().name()).isEqualTo("CRITICAL");
        assertThat(adopted.spec().inlinePolicies()).containsKey("admin");
        assertThat(inventory.get(ACCOUNT, "legacy-0007", BOB).history())
                .extracting(ManagedRoleRepository.RoleEvent::kind)
                .containsExactly("ADOPTED");
        assertThat(iam.listRoleTags(request -> request.roleName("legacy-0007")).tags())
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE action = 'inventory.adopted' AND account_id = ?",
                        Integer.class,
                        ACCOUNT))
                .isEqualTo(2);
        // Adopted roles are in the inventory now: a second scan no longer offers them, a second adoption skips them.
        assertThat(imports.scan(ACCOUNT, DAVE).adoptable()).isEqualTo(ROLES - 2);
        assertThat(imports.adopt(ACCOUNT, List.of("legacy-0007"), null, DAVE).skipped())
                .containsExactly("legacy-0007");
    }

    @Test
    void anAccountThatAllowsItTagsAdoptedRolesAndOnlyAdminsImport() {
        iam.createRole(request -> request.roleName("tagged-legacy").assumeRolePolicyDocument(InventorySpecs.TRUST));

        assertThatThrownBy(() -> imports.scan(TAGGING, BOB)).isInstanceOf(InventoryException.class);
        assertThatThrownBy(() -> imports.adopt(TAGGING, List.of("tagged-legacy"), null, BOB))
                .isInstanceOf(InventoryException.class);
        imports.adopt(TAGGING, List.of("tagged-legacy"), null, DAVE);

        assertThat(iam.listRoleTags(request -> request.roleName("tagged-legacy"))
                        .tags())
                .anySatisfy(tag -> {
                    assertThat(tag.key()).isEqualTo("managed-by");
                    assertThat(tag.value()).isEqualTo("rolecall");
                });
        assertThat(inventory.get(TAGGING, "tagged-legacy", DAVE).role().state()).isEqualTo(RoleState.IMPORTED);
    }
}
