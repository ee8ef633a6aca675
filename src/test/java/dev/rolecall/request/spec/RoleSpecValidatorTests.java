package dev.rolecall.request.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.RoleSpecs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RoleSpecValidatorTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final RoleSpecValidator validator = new RoleSpecValidator(
            AccountRegistry.of(new TargetAccount(
                    RoleSpecs.ACCOUNT, "demo", "sandbox", "us-east-1", null, null, null, ApplyMode.PLAN_ONLY)),
            PolicyFixtures.policyService(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static RoleSpec with(
            String roleName,
            String path,
            String description,
            JsonNode trust,
            List<String> managed,
            Map<String, JsonNode> inline,
            String boundary,
            int session,
            Map<String, String> tags,
            Instant expiresAt) {
        return new RoleSpec(
                RoleSpecs.ACCOUNT,
                roleName,
                path,
                description,
                trust,
                managed,
                inline,
                boundary,
                session,
                tags,
                expiresAt);
    }

    private static RoleSpec spec(java.util.function.UnaryOperator<Builder> change) {
        return change.apply(new Builder()).build();
    }

    /** A valid spec with one thing changed. */
    static final class Builder {
        String account = RoleSpecs.ACCOUNT;
        String roleName = "ci-deployer";
        String path = "/";
        String description = null;
        JsonNode trust = RoleSpecs.lambdaTrust();
        List<String> managed = List.of();
        Map<String, JsonNode> inline = Map.of();
        String boundary = null;
        int session = 3600;
        Map<String, String> tags = Map.of();
        Instant expiresAt = null;

        RoleSpec build() {
            return new RoleSpec(
                    account, roleName, path, description, trust, managed, inline, boundary, session, tags, expiresAt);
        }
    }

    private List<String> fields(RoleSpec spec) {
        return validator.validate(spec, "because").stream()
                .map(FieldProblem::field)
                .toList();
    }

    @Test
    void aCompleteValidSpecHasNoProblems() {
        assertThat(validator.validate(RoleSpecs.valid(), "CI deploys payments-api"))
                .isEmpty();
    }

    @Test
    void theAccountMustBeTwelveDigitsAndConfigured() {
        assertThat(fields(spec(b -> {
                    b.account = "12345";
                    return b;
                })))
                .containsExactly("accountId");
        assertThat(validator.validate(
                        spec(b -> {
                            b.account = "999988887777";
                            return b;
                        }),
                        "x"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a configured target account"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/name", "star*", "ä"})
    void roleNamesOutsideTheIamCharacterSetAreRejected(String name) {
        assertThat(fields(spec(b -> {
                    b.roleName = name;
                    return b;
                })))
                .containsExactly("roleName");
    }

    @Test
    void roleNamesAreAtMost64Characters() {
        assertThat(fields(spec(b -> {
                    b.roleName = "a".repeat(64);
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.roleName = "a".repeat(65);
                    return b;
                })))
                .containsExactly("roleName");
        assertThat(fields(spec(b -> {
                    b.roleName = "w+=,.@-_9";
                    return b;
                })))
                .isEmpty();
    }

    @Test
    void pathsStartAndEndWithASlashAndAreAtMost512Characters() {
        assertThat(fields(spec(b -> {
                    b.path = "/ci/deployers/";
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.path = "ci/";
                    return b;
                })))
                .containsExactly("path");
        assertThat(fields(spec(b -> {
                    b.path = "/ci";
                    return b;
                })))
                .containsExactly("path");
        assertThat(fields(spec(b -> {
                    b.path = "/" + "a".repeat(511) + "/";
                    return b;
                })))
                .containsExactly("path");
        assertThat(fields(spec(b -> {
                    b.path = "/" + "a".repeat(510) + "/";
                    return b;
                })))
                .isEmpty();
    }

    @Test
    void descriptionsAreAtMost1000PrintableCharacters() {
        assertThat(fields(spec(b -> {
                    b.description = "x".repeat(1000);
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.description = "x".repeat(1001);
                    return b;
                })))
                .containsExactly("description");
        assertThat(fields(spec(b -> {
                    b.description = "emoji \uD83D\uDE00";
                    return b;
                })))
                .containsExactly("description");
    }

    @Test
    void sessionDurationIsBetweenOneAndTwelveHours() {
        assertThat(fields(spec(b -> {
                    b.session = 3600;
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.session = 43200;
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.session = 3599;
                    return b;
                })))
                .containsExactly("maxSessionDurationSeconds");
        assertThat(fields(spec(b -> {
                    b.session = 43201;
                    return b;
                })))
                .containsExactly("maxSessionDurationSeconds");
    }

    @Test
    void atMost48TagsOfOurOwnBecauseRolecallAddsTwo() {
        Map<String, String> tags48 = new LinkedHashMap<>();
        IntStream.range(0, 48).forEach(i -> tags48.put("k" + i, "v"));
        assertThat(fields(spec(b -> {
                    b.tags = tags48;
                    return b;
                })))
                .isEmpty();
        Map<String, String> tags49 = new LinkedHashMap<>(tags48);
        tags49.put("one-more", "v");
        assertThat(fields(spec(b -> {
                    b.tags = tags49;
                    return b;
                })))
                .containsExactly("tags");
    }

    @Test
    void tagKeysAndValuesFollowIamRules() {
        assertThat(fields(spec(b -> {
                    b.tags = Map.of("k".repeat(128), "v".repeat(256));
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.tags = Map.of("k".repeat(129), "v");
                    return b;
                })))
                .hasSize(1);
        assertThat(fields(spec(b -> {
                    b.tags = Map.of("k", "v".repeat(257));
                    return b;
                })))
                .containsExactly("tags.k");
        assertThat(fields(spec(b -> {
                    b.tags = Map.of("aws:owner", "me");
                    return b;
                })))
                .containsExactly("tags.aws:owner");
        assertThat(fields(spec(b -> {
                    b.tags = Map.of("AWS:Owner", "me");
                    return b;
                })))
                .containsExactly("tags.AWS:Owner");
        assertThat(fields(spec(b -> {
                    b.tags = Map.of("bad#key", "v");
                    return b;
                })))
                .containsExactly("tags.bad#key");
        assertThat(fields(spec(b -> {
                    b.tags = Map.of("managed-by", "me");
                    return b;
                })))
                .containsExactly("tags.managed-by");
        Map<String, String> caseDuplicates = new LinkedHashMap<>();
        caseDuplicates.put("Env", "a");
        caseDuplicates.put("env", "b");
        assertThat(fields(spec(b -> {
                    b.tags = caseDuplicates;
                    return b;
                })))
                .containsExactly("tags.env");
    }

    @Test
    void managedPolicyArnsAreWellFormedUniqueAndAtMostTen() {
        assertThat(fields(spec(b -> {
                    b.managed = List.of(
                            "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
                            "arn:aws:iam::111122223333:policy/team/custom");
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.managed = List.of("arn:aws:s3:::bucket");
                    return b;
                })))
                .containsExactly("managedPolicyArns");
        assertThat(fields(spec(b -> {
                    b.managed = List.of("ReadOnlyAccess");
                    return b;
                })))
                .containsExactly("managedPolicyArns");
        String arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        assertThat(fields(spec(b -> {
                    b.managed = List.of(arn, arn);
                    return b;
                })))
                .containsExactly("managedPolicyArns");
        List<String> eleven = IntStream.range(0, 11)
                .mapToObj(i -> "arn:aws:iam::aws:policy/P" + i)
                .toList();
        assertThat(fields(spec(b -> {
                    b.managed = eleven;
                    return b;
                })))
                .containsExactly("managedPolicyArns");
    }

    @Test
    void theBoundaryIsAManagedPolicyArn() {
        assertThat(fields(spec(b -> {
                    b.boundary = "arn:aws:iam::111122223333:policy/boundary";
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.boundary = "arn:aws:iam::111122223333:role/boundary";
                    return b;
                })))
                .containsExactly("permissionsBoundaryArn");
    }

    @Test
    void trustPoliciesFollowTheTrustGrammarAndSizeLimit() {
        JsonNode withResource = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
                 "Action":"sts:AssumeRole","Resource":"*"}]}""");
        assertThat(fields(spec(b -> {
                    b.trust = withResource;
                    return b;
                })))
                .containsExactly("trustPolicy");
        JsonNode noPrincipal = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}""");
        assertThat(fields(spec(b -> {
                    b.trust = noPrincipal;
                    return b;
                })))
                .containsExactly("trustPolicy");
        String services = IntStream.range(0, 120)
                .mapToObj(i -> "\"svc" + i + ".amazonaws.com\"")
                .reduce((a, c) -> a + "," + c)
                .orElseThrow();
        JsonNode large = RoleSpecs.json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[" + services + "]},\"Action\":\"sts:AssumeRole\"}]}");
        assertThat(validator.validate(
                        spec(b -> {
                            b.trust = large;
                            return b;
                        }),
                        "x"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 2048 characters"));
    }

    @Test
    void inlinePoliciesFollowTheIdentityGrammarNamesAndCombinedSize() {
        JsonNode withPrincipal = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""");
        assertThat(fields(spec(b -> {
                    b.inline = Map.of("p", withPrincipal);
                    return b;
                })))
                .containsExactly("inlinePolicies.p");
        JsonNode badEffect = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"s3:GetObject","Resource":"*"}}""");
        assertThat(fields(spec(b -> {
                    b.inline = Map.of("p", badEffect);
                    return b;
                })))
                .containsExactly("inlinePolicies.p");
        assertThat(fields(spec(b -> {
                    b.inline = Map.of("bad name", RoleSpecs.readLogs());
                    return b;
                })))
                .containsExactly("inlinePolicies.bad name");
        String actions = IntStream.range(0, 400)
                .mapToObj(i -> "\"s3:GetObject" + i + "\"")
                .reduce((a, c) -> a + "," + c)
                .orElseThrow();
        JsonNode big = RoleSpecs.json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + actions + "],\"Resource\":\"*\"}]}");
        assertThat(fields(spec(b -> {
                    b.inline = Map.of("a", big, "b", big);
                    return b;
                })))
                .containsExactly("inlinePolicies");
    }

    @Test
    void anAccountsRaisedQuotasAndRequiredBoundaryApply() {
        RoleSpecValidator raised = new RoleSpecValidator(
                AccountRegistry.of(new TargetAccount(
                        RoleSpecs.ACCOUNT,
                        "prod",
                        "prod",
                        "us-east-1",
                        null,
                        null,
                        null,
                        ApplyMode.APPLY,
                        4096,
                        20,
                        true)),
                PolicyFixtures.policyService(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> fifteen = IntStream.range(0, 15)
                .mapToObj(i -> "arn:aws:iam::aws:policy/P" + i)
                .toList();
        RoleSpec spec = spec(b -> {
            b.managed = fifteen;
            return b;
        });
        assertThat(fields(spec)).containsExactly("managedPolicyArns");
        assertThat(raised.validate(spec, "x")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("permissionsBoundaryArn");
            assertThat(problem.message()).contains("requires a permissions boundary");
        });
        RoleSpec bounded = spec(b -> {
            b.managed = fifteen;
            b.boundary = "arn:aws:iam::aws:policy/PowerUserAccess";
            return b;
        });
        assertThat(raised.validate(bounded, "x")).isEmpty();
    }

    @Test
    void expiryMustBeInTheFuture() {
        assertThat(fields(spec(b -> {
                    b.expiresAt = NOW.plusSeconds(3600);
                    return b;
                })))
                .isEmpty();
        assertThat(fields(spec(b -> {
                    b.expiresAt = NOW.minusSeconds(1);
                    return b;
                })))
                .containsExactly("expiresAt");
    }

    @Test
    void aJustificationIsRequired() {
        assertThat(validator.validate(RoleSpecs.valid(), " "))
                .extracting(FieldProblem::field)
                .containsExactly("justification");
        assertThat(validator.validate(RoleSpecs.valid(), "x".repeat(2001)))
                .extracting(FieldProblem::field)
                .containsExactly("justification");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RoleSpec bad =
                with("bad name", "nope", null, RoleSpecs.json("{}"), List.of("x"), Map.of(), "y", 1, Map.of(), null);
        assertThat(validator.validate(bad, ""))
                .extracting(FieldProblem::field)
                .contains(
                        "roleName",
                        "path",
                        "trustPolicy",
                        "managedPolicyArns",
                        "permissionsBoundaryArn",
                        "maxSessionDurationSeconds",
                        "justification");
    }
}
