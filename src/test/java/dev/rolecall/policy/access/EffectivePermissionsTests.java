package dev.rolecall.policy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one effective-permissions model that findings, the summary and the diff read. */
class EffectivePermissionsTests {

    private static final PolicyParser PARSER = new PolicyParser();
    private static final IamCatalog CATALOG = PolicyFixtures.catalog();

    private static PolicyDocument policy(PolicyKind kind, String statements) {
        return PARSER.parse(
                        kind,
                        kind.name().toLowerCase(),
                        "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}")
                .validDocument();
    }

    private static final PolicyDocument IDENTITY = policy(PolicyKind.IDENTITY, """
            {"Sid":"PassAny","Effect":"Allow","Action":"iam:PassRole","Resource":"*",
             "Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}},
            {"Sid":"Admin","Effect":"Allow","Action":"*","Resource":"*"},
            {"Sid":"NoUsers","Effect":"Deny","Action":"iam:CreateUser","Resource":"*"},
            {"Sid":"MaybeNoKeys","Effect":"Deny","Action":"iam:CreateAccessKey","Resource":"*",
             "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}},
            {"Sid":"Home","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}
            """);

    private static EffectivePermissions of(List<PolicyDocument> identity, PolicyDocument boundary) {
        return EffectivePermissions.of(new StatementActions(CATALOG), identity, boundary);
    }

    private static IamAction action(String name) {
        return CATALOG.action(name).orElseThrow();
    }

    @Test
    void listsTheGrantsOfAnActionWithTheirConditions() {
        EffectivePermissions permissions = of(List.of(IDENTITY), null);

        assertThat(permissions.grantsOf(action("iam:PassRole")))
                .extracting(grant -> grant.statement().sid(), Grant::isConditional, Grant::resources)
                .containsExactly(tuple("PassAny", true, List.of("*")), tuple("Admin", false, List.of("*")));
    }

    @Test
    void removesWhatAnUnconditionalDenyRemovesAndKeepsWhatAConditionalOneMayNot() {
        EffectivePermissions permissions = of(List.of(IDENTITY), null);

        assertThat(permissions.anywhere().contains(action("iam:CreateUser"))).isFalse();
        assertThat(permissions.anywhere().contains(action("iam:CreateAccessKey")))
                .isTrue();
    }

    @Test
    void intersectsWithTheBoundaryAndCountsWhatItRemoves() {
        PolicyDocument boundary = policy(
                PolicyKind.BOUNDARY,
                "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}");
        EffectivePermissions permissions = of(List.of(IDENTITY), boundary);

        assertThat(permissions.grantsOf(action("iam:PassRole"))).isEmpty();
        assertThat(permissions.onAllResources().contains(action("ec2:RunInstances")))
                .isTrue();
        assertThat(permissions.removedByBoundary().contains(action("iam:PassRole")))
                .isTrue();
        assertThat(permissions.removedByBoundary().contains(action("iam:CreateUser")))
                .as("denied anyway, not removed by the boundary")
                .isFalse();
    }

    @Test
    void aConditionalBoundaryAllowDoesNotMakeWhatAnUnconditionalOneAllowsConditional() {
        PolicyDocument boundary = policy(PolicyKind.BOUNDARY, """
                {"Effect":"Allow","Action":"s3:*","Resource":"*"},
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"Bool":{"aws:SecureTransport":"true"}}}""");
        PolicyDocument read = policy(PolicyKind.IDENTITY, """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");

        assertThat(of(List.of(read), boundary).grantsOf(action("s3:GetObject")))
                .singleElement()
                .satisfies(grant -> assertThat(grant.isConditional()).isFalse());
    }

    @Test
    void aVariableInAResourceIsScopedNotEveryResource() {
        EffectivePermissions permissions = of(List.of(IDENTITY), null);

        assertThat(permissions.grantsOf(action("s3:PutObject")))
                .filteredOn(grant -> "Home".equals(grant.statement().sid()))
                .singleElement()
                .satisfies(grant -> {
                    assertThat(grant.allResources()).isFalse();
                    assertThat(grant.resources()).containsExactly("arn:aws:s3:::home/${aws:username}/*");
                });
    }

    @Test
    void aBoundaryThatNamesResourcesScopesAnIdentityGrantOnEveryResource() {
        PolicyDocument boundary = policy(PolicyKind.BOUNDARY, """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}""");
        PolicyDocument read = policy(PolicyKind.IDENTITY, """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");

        assertThat(of(List.of(read), boundary).grantsOf(action("s3:GetObject")))
                .singleElement()
                .satisfies(grant -> {
                    assertThat(grant.allResources()).isFalse();
                    assertThat(grant.resources()).containsExactly("arn:aws:s3:::reports/*");
                });
    }

    @Test
    void aConditionThatCannotDependOnTheRequestIsReadAsWhatItIs() {
        PolicyDocument policy = policy(PolicyKind.IDENTITY, """
                {"Sid":"Limitless","Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"StringNotEquals":{"iam:ResourceTag/status":"locked"}}},
                {"Sid":"Never","Effect":"Allow","Action":"s3:PutObject","Resource":"*",
                 "Condition":{"StringLike":{"s3:prefix":"home/*"}}},
                {"Sid":"Always","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*",
                 "Condition":{"StringNotEqualsIfExists":{"ec2:InstanceType":"t3.micro"}}},
                {"Sid":"Delete","Effect":"Allow","Action":"s3:DeleteObject","Resource":"*"},
                {"Sid":"Own","Effect":"Allow","Action":"s3:ListBucket","Resource":"*",
                 "Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}}
                """);
        EffectivePermissions permissions = of(List.of(policy), null);
        assertThat(permissions.grantsOf(action("s3:GetObject")))
                .singleElement()
                .satisfies(grant -> assertThat(grant.isConditional()).isFalse());
        assertThat(permissions.anywhere().contains(action("s3:PutObject"))).isFalse();
        assertThat(permissions.anywhere().contains(action("s3:DeleteObject"))).isFalse();
        assertThat(permissions.grantsOf(action("s3:ListBucket")))
                .singleElement()
                .satisfies(grant -> assertThat(grant.isConditional()).isFalse());
    }

    @Test
    void aStatementWithNotResourceOrNotActionStarGrantsNothing() {
        PolicyDocument policy = policy(PolicyKind.IDENTITY, """
                {"Effect":"Allow","Action":"s3:GetObject","NotResource":"*"},
                {"Effect":"Allow","NotAction":"*","Resource":"*"}
                """);
        EffectivePermissions permissions = of(List.of(policy), null);
        assertThat(permissions.grants()).isEmpty();
        assertThat(permissions.anywhere().isEmpty()).isTrue();
    }
}
