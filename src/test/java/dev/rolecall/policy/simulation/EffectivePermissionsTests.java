package dev.rolecall.policy.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.AccessRequest;
import dev.rolecall.policy.Decision;
import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.grammar.PolicyParser;
import dev.rolecall.policy.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectivePermissionsTests {

    private static final PolicyParser PARSER = new PolicyParser();

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

    @Test
    void listsTheGrantsOfAnAction() {
        EffectivePermissions permissions = new EffectivePermissions(List.of(IDENTITY), List.of());

        assertThat(permissions.grants("iam:PassRole", "*"))
                .extracting(grant -> grant.statement().sid(), EffectivePermissions.Grant::conditional)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PassAny", true),
                        org.assertj.core.groups.Tuple.tuple("Admin", false));
    }

    @Test
    void removesWhatAnUnconditionalDenyRemoves() {
        EffectivePermissions permissions = new EffectivePermissions(List.of(IDENTITY), List.of());

        assertThat(permissions.mayAllow("iam:CreateUser", "*")).isFalse();
        assertThat(permissions.mayAllow("iam:CreateAccessKey", "*")).isTrue();
    }

    @Test
    void intersectsWithTheBoundary() {
        PolicyDocument boundary = policy(
                PolicyKind.BOUNDARY,
                "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}");
        EffectivePermissions permissions = new EffectivePermissions(List.of(IDENTITY), List.of(boundary));

        assertThat(permissions.mayAllow("iam:PassRole", "*")).isFalse();
        assertThat(permissions.mayAllow("ec2:RunInstances", "*")).isTrue();
        assertThat(permissions.grants("iam:PassRole", "*")).isEmpty();
    }

    @Test
    void readsAVariableAsAnyValue() {
        PolicyDocument home = policy(
                PolicyKind.IDENTITY,
                "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}");
        EffectivePermissions permissions = new EffectivePermissions(List.of(home), List.of());

        assertThat(permissions.mayAllow("s3:PutObject", "arn:aws:s3:::home/bob/x"))
                .isTrue();
        assertThat(permissions.mayAllow("s3:PutObject", "*")).isFalse();
    }

    @Test
    void evaluatesExactlyForAGivenContext() {
        EffectivePermissions permissions = new EffectivePermissions(List.of(IDENTITY), List.of());

        assertThat(permissions
                        .evaluate(AccessRequest.of("iam:CreateAccessKey", "*")
                                .with("aws:MultiFactorAuthPresent", "false"))
                        .decision())
                .isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(permissions
                        .evaluate(
                                AccessRequest.of("iam:CreateAccessKey", "*").with("aws:MultiFactorAuthPresent", "true"))
                        .decision())
                .isEqualTo(Decision.ALLOWED);
    }
}
