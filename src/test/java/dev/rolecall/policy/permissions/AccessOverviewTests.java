package dev.rolecall.policy.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.RolePolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The risky-first reading of a role's access that the request page leads with. */
class AccessOverviewTests {

    static final String ACCOUNT = "111122223333";
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private final RolePermissionsService service = PolicyFixtures.rolePermissionsService();

    static PolicyInput policy(String name, String statements) {
        return new PolicyInput(name, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    static final PolicyInput PASS_ANY_ROLE =
            policy("pass-roles", "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}");

    static RolePolicies role(List<PolicyInput> inline, List<String> managed) {
        return new RolePolicies(ACCOUNT, inline, managed, null);
    }

    @Test
    void readOnlyAccessWithPassRoleOnEveryRoleLeadsWithThePassRole() {
        List<AccessEntry> entries = service.entries(role(List.of(PASS_ANY_ROLE), List.of(READ_ONLY)));
        AccessOverview overview = AccessOverview.of(entries);

        assertThat(entries).hasSizeGreaterThan(5000);
        assertThat(entries.get(0).action()).isEqualTo("iam:PassRole");
        assertThat(entries.get(0).concern()).isEqualTo(AccessConcern.PRIVILEGE_ESCALATION);
        assertThat(overview.actions()).isEqualTo(entries.size());
        assertThat(overview.concerns().get(0).concern()).isEqualTo(AccessConcern.PRIVILEGE_ESCALATION);
        assertThat(overview.concerns().get(0).entries())
                .extracting(AccessEntry::action)
                .containsExactly("iam:PassRole");
        assertThat(overview.concerns())
                .extracting(AccessOverview.ConcernGroup::concern)
                .contains(AccessConcern.DATA_READ_ON_EVERY_RESOURCE)
                .doesNotContain(AccessConcern.PERMISSIONS_MANAGEMENT);
        assertThat(overview.concerns().stream()
                        .filter(g -> g.concern() == AccessConcern.DATA_READ_ON_EVERY_RESOURCE)
                        .flatMap(g -> g.entries().stream())
                        .map(AccessEntry::action))
                .contains("s3:GetObject", "s3:GetObjectVersion");
        AccessOverview.ServiceAccess first = overview.services().get(0);
        assertThat(first.prefix()).isEqualTo("iam");
        assertThat(first.topConcern()).isEqualTo(AccessConcern.PRIVILEGE_ESCALATION);
        assertThat(first.write()).isEqualTo(1);
        assertThat(first.actions()).isEqualTo(first.list() + first.read() + first.write());
        assertThat(overview.services()).hasSizeGreaterThan(100);
        assertThat(overview.services().get(overview.services().size() - 1).topConcern())
                .isNull();
    }

    @Test
    void risksComeInTheirOrderAndTheRestByName() {
        List<AccessEntry> entries = service.entries(role(List.of(policy("mixed", """
                        {"Effect":"Allow","Action":["s3:PutObject","s3:GetObject","logs:GetLogEvents",
                         "iam:PutRolePolicy","sts:AssumeRole"],"Resource":"*"}""")), List.of()));

        assertThat(entries)
                .extracting(AccessEntry::action, AccessEntry::concern)
                .containsExactly(
                        tuple("iam:PutRolePolicy", AccessConcern.PRIVILEGE_ESCALATION),
                        tuple("sts:AssumeRole", AccessConcern.CREDENTIALS_EXPOSURE),
                        tuple("s3:PutObject", AccessConcern.WRITE_ON_EVERY_RESOURCE),
                        tuple("s3:GetObject", AccessConcern.DATA_READ_ON_EVERY_RESOURCE),
                        tuple("logs:GetLogEvents", null));
    }

    @Test
    void scopedWritesAndReadsAreNotRiskyButScopedPermissionsManagementIs() {
        List<AccessEntry> entries = service.entries(role(List.of(policy("scoped", """
                        {"Effect":"Allow","Action":["s3:PutObject","s3:GetObject","s3:PutBucketPolicy"],
                         "Resource":["arn:aws:s3:::invoices","arn:aws:s3:::invoices/*"]}""")), List.of()));

        assertThat(entries).extracting(AccessEntry::action).first().isEqualTo("s3:PutBucketPolicy");
        assertThat(entries.get(0).concern()).isEqualTo(AccessConcern.PERMISSIONS_MANAGEMENT);
        assertThat(entries.subList(1, 3)).extracting(AccessEntry::concern).containsOnlyNulls();
    }

    @Test
    void anArnCoveringEveryResourceOfTheTypeCountsAsEveryResource() {
        List<AccessEntry> entries = service.entries(role(List.of(policy("wildcard-arns", """
                        {"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"arn:aws:s3:::*"},
                        {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/*"},
                        {"Effect":"Allow","Action":"dynamodb:PutItem",
                         "Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/orders"}""")), List.of()));

        assertThat(entries)
                .extracting(AccessEntry::action, AccessEntry::concern)
                .containsExactly(
                        tuple("iam:PassRole", AccessConcern.PRIVILEGE_ESCALATION),
                        tuple("s3:PutObject", AccessConcern.WRITE_ON_EVERY_RESOURCE),
                        tuple("s3:GetObject", AccessConcern.DATA_READ_ON_EVERY_RESOURCE),
                        tuple("dynamodb:PutItem", null));
    }

    @Test
    void passRoleToOneRoleEscalatesOnlyWithAServiceThatRunsIt() {
        PolicyInput passOne = policy("pass-one", """
                {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}""");
        PolicyInput run = policy("run", """
                {"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}""");

        assertThat(service.entries(role(List.of(passOne), List.of())))
                .extracting(AccessEntry::concern)
                .containsOnlyNulls();
        assertThat(service.entries(role(List.of(passOne, run), List.of())))
                .extracting(AccessEntry::action, AccessEntry::concern)
                .contains(
                        tuple("iam:PassRole", AccessConcern.PRIVILEGE_ESCALATION),
                        tuple("ec2:RunInstances", AccessConcern.PRIVILEGE_ESCALATION));
    }

    @Test
    void theNewAccessOfARevisionIsJudgedAgainstTheRevisionThatAllowsIt() {
        RolePolicies before = role(List.of(), List.of(READ_ONLY));
        RolePolicies after = role(List.of(PASS_ANY_ROLE), List.of(READ_ONLY));
        AccessDiff diff = service.diff(before, after);

        assertThat(service.entries(diff.newlyAllowed(), after)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("iam:PassRole");
            assertThat(entry.concern()).isEqualTo(AccessConcern.PRIVILEGE_ESCALATION);
            assertThat(entry.resources()).containsExactly("*");
            assertThat(entry.level()).isEqualTo("Write");
        });
        assertThat(service.entries(service.diff(after, before).noLongerAllowed(), after))
                .extracting(AccessEntry::action)
                .containsExactly("iam:PassRole");
    }

    @Test
    void aFilterMatchesActionServiceLevelConcernAndResourceIgnoringCase() {
        AccessEntry entry = new AccessEntry(
                "s3:GetObject",
                "s3",
                "Amazon S3",
                "Read",
                List.of("arn:aws:s3:::invoices/*"),
                AccessConcern.DATA_READ_ON_EVERY_RESOURCE);

        assertThat(entry.matches("")).isTrue();
        assertThat(entry.matches(" getobject ")).isTrue();
        assertThat(entry.matches("amazon s3")).isTrue();
        assertThat(entry.matches("read")).isTrue();
        assertThat(entry.matches("data reads")).isTrue();
        assertThat(entry.matches("INVOICES")).isTrue();
        assertThat(entry.matches("PutObject")).isFalse();
    }
}
