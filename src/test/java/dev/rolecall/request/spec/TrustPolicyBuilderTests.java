package dev.rolecall.request.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyAnalysisRequest;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyInput;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.request.spec.TrustChoice.GitHubRef;
import dev.rolecall.request.spec.TrustChoice.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each kind of trusted entity the builder writes passes the real policy analysis with nothing
 * blocking, critical or high; bad fields are refused by name; and every policy it writes reads
 * back into the same fields.
 */
class TrustPolicyBuilderTests {

    static final String TARGET = "111122223333";
    static final String PARTNER = "444455556666";
    static final Set<String> REGISTRY = Set.of(TARGET, PARTNER);
    static final String EKS = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    static TrustChoice service() {
        return with(Kind.SERVICE, "ecs-tasks.amazonaws.com", "", "", "", "", "", "", GitHubRef.BRANCH, "", "");
    }

    static TrustChoice account(String account, String externalId) {
        return new TrustChoice(
                Kind.ACCOUNT,
                "",
                true,
                "",
                account,
                externalId,
                true,
                "",
                "",
                "",
                "",
                "",
                GitHubRef.BRANCH,
                "",
                "",
                TrustChoice.AWS_SIGN_IN);
    }

    static TrustChoice eks(String provider, String namespace, String serviceAccount) {
        return with(Kind.EKS, "", provider, namespace, serviceAccount, "", "", "", GitHubRef.BRANCH, "", "");
    }

    static TrustChoice github(String org, String repo, GitHubRef type, String ref) {
        return with(Kind.GITHUB, "", "", "", "", org, repo, ref, type, "", "");
    }

    static TrustChoice saml(String provider, String audience) {
        return with(Kind.SAML, "", "", "", "", "", "", "", GitHubRef.BRANCH, provider, audience);
    }

    private static TrustChoice with(
            Kind kind,
            String service,
            String oidc,
            String namespace,
            String serviceAccount,
            String org,
            String repo,
            String ref,
            GitHubRef type,
            String samlProvider,
            String samlAudience) {
        return new TrustChoice(
                kind,
                service,
                true,
                "",
                "",
                "",
                false,
                oidc,
                namespace,
                serviceAccount,
                org,
                repo,
                type,
                ref,
                samlProvider,
                samlAudience);
    }

    static ObjectNode built(TrustChoice choice) {
        TrustPolicyBuilder.Result result = TrustPolicyBuilder.build(choice, TARGET, REGISTRY);
        assertThat(result.problems()).isEmpty();
        assertThat(result.policy()).isNotNull();
        return result.policy();
    }

    static List<PolicyFinding> seriousFindings(JsonNode trust) {
        PolicyAnalysis analysis = PolicyFixtures.policyAnalysisService()
                .analyse(PolicyAnalysisRequest.builder()
                        .accountId(TARGET)
                        .trustPolicy(PolicyInput.of("trustPolicy", trust))
                        .knownAccountIds(REGISTRY)
                        .build());
        return analysis.findings().stream()
                .filter(finding -> finding.severity().isAtLeast(FindingSeverity.HIGH))
                .toList();
    }

    @Test
    void awsServiceIsPinnedToTheRolesAccount() {
        ObjectNode policy = built(service());
        JsonNode statement = policy.path("Statement").path(0);
        assertThat(statement.path("Principal").path("Service").asString()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(statement.path("Action").asString()).isEqualTo("sts:AssumeRole");
        assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asString())
                .isEqualTo(TARGET);
        assertThat(seriousFindings(policy)).isEmpty();
    }

    @Test
    void awsServiceTakesASourceArnInTheRolesAccountOnly() {
        TrustChoice withArn = new TrustChoice(
                Kind.SERVICE,
                "sns.amazonaws.com",
                true,
                "arn:aws:sns:eu-west-1:" + TARGET + ":alerts",
                "",
                "",
                false,
                "",
                "",
                "",
                "",
                "",
                GitHubRef.BRANCH,
                "",
                "",
                TrustChoice.AWS_SIGN_IN);
        assertThat(built(withArn)
                        .at("/Statement/0/Condition/ArnLike/aws:SourceArn")
                        .asString())
                .isEqualTo("arn:aws:sns:eu-west-1:" + TARGET + ":alerts");
        TrustChoice elsewhere = new TrustChoice(
                Kind.SERVICE,
                "sns.amazonaws.com",
                true,
                "arn:aws:sns:eu-west-1:999988887777:alerts",
                "",
                "",
                false,
                "",
                "",
                "",
                "",
                "",
                GitHubRef.BRANCH,
                "",
                "",
                TrustChoice.AWS_SIGN_IN);
        assertThat(fields(TrustPolicyBuilder.build(elsewhere, TARGET, REGISTRY)))
                .containsExactly("trust.sourceArn");
    }

    @Test
    void anotherAccountNeedsAnExternalIdAndMayRequireMfa() {
        ObjectNode policy = built(account(PARTNER, "0f3a9c2e7d114b6f8a5e2c9d1b7f4e6a"));
        JsonNode statement = policy.path("Statement").path(0);
        assertThat(statement.at("/Principal/AWS").asString()).isEqualTo("arn:aws:iam::" + PARTNER + ":root");
        assertThat(statement.at("/Condition/StringEquals/sts:ExternalId").asString())
                .isEqualTo("0f3a9c2e7d114b6f8a5e2c9d1b7f4e6a");
        assertThat(statement.at("/Condition/Bool/aws:MultiFactorAuthPresent").asString())
                .isEqualTo("true");
        assertThat(seriousFindings(policy)).isEmpty();
    }

    @Test
    void anotherAccountMustBeAValidRegisteredIdWithAnExternalId() {
        assertThat(fields(TrustPolicyBuilder.build(account("12345", ""), TARGET, REGISTRY)))
                .containsExactly("trust.account", "trust.externalId");
        TrustPolicyBuilder.Result unknown =
                TrustPolicyBuilder.build(account("999988887777", "abc123"), TARGET, REGISTRY);
        assertThat(unknown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("trust.account");
            assertThat(problem.message()).contains("not in Rolecall's account registry");
        });
    }

    @Test
    void eksServiceAccountGetsSubAndAudConditions() {
        ObjectNode policy = built(eks("https://" + EKS, "payments", "api-runner"));
        JsonNode statement = policy.path("Statement").path(0);
        assertThat(statement.at("/Principal/Federated").asString())
                .isEqualTo("arn:aws:iam::" + TARGET + ":oidc-provider/" + EKS);
        assertThat(statement.path("Action").asString()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        JsonNode equals = statement.at("/Condition/StringEquals");
        assertThat(equals.path(EKS + ":sub").asString()).isEqualTo("system:serviceaccount:payments:api-runner");
        assertThat(equals.path(EKS + ":aud").asString()).isEqualTo("sts.amazonaws.com");
        assertThat(seriousFindings(policy)).isEmpty();
    }

    @Test
    void eksRefusesABadProviderAndWildcardNames() {
        assertThat(fields(TrustPolicyBuilder.build(eks("https://accounts.google.com", "*", "app*"), TARGET, REGISTRY)))
                .containsExactly("trust.oidcProvider", "trust.namespace", "trust.serviceAccount");
        String otherAccount = "arn:aws:iam::999988887777:oidc-provider/" + EKS;
        assertThat(fields(TrustPolicyBuilder.build(eks(otherAccount, "payments", "api"), TARGET, REGISTRY)))
                .containsExactly("trust.oidcProvider");
    }

    @Test
    void githubActionsBranchIsPinnedToOneRepositoryWithTheStsAudience() {
        ObjectNode policy = built(github("acme", "payments-api", GitHubRef.BRANCH, "main"));
        JsonNode statement = policy.path("Statement").path(0);
        assertThat(statement.at("/Principal/Federated").asString())
                .isEqualTo("arn:aws:iam::" + TARGET + ":oidc-provider/token.actions.githubusercontent.com");
        JsonNode equals = statement.at("/Condition/StringEquals");
        assertThat(equals.path("token.actions.githubusercontent.com:aud").asString())
                .isEqualTo("sts.amazonaws.com");
        assertThat(equals.path("token.actions.githubusercontent.com:sub").asString())
                .isEqualTo("repo:acme/payments-api:ref:refs/heads/main");
        assertThat(seriousFindings(policy)).isEmpty();
    }

    @Test
    void githubActionsWildcardsStayAfterTheRepositoryAndUseStringLike() {
        ObjectNode tags = built(github("acme", "payments-api", GitHubRef.TAG, "v*"));
        assertThat(tags.at("/Statement/0/Condition/StringLike/token.actions.githubusercontent.com:sub")
                        .asString())
                .isEqualTo("repo:acme/payments-api:ref:refs/tags/v*");
        assertThat(seriousFindings(tags)).isEmpty();
        ObjectNode environment = built(github("acme", "payments-api", GitHubRef.ENVIRONMENT, "prod"));
        assertThat(environment
                        .at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:sub")
                        .asString())
                .isEqualTo("repo:acme/payments-api:environment:prod");
        assertThat(seriousFindings(environment)).isEmpty();
    }

    @Test
    void githubActionsRefusesWildcardOrgOrRepoAndAnEmptyRepo() {
        assertThat(fields(TrustPolicyBuilder.build(github("ac*", "", GitHubRef.BRANCH, ""), TARGET, REGISTRY)))
                .containsExactly("trust.githubOrg", "trust.githubRepo", "trust.githubRef");
        assertThat(fields(TrustPolicyBuilder.build(github("acme", "*", GitHubRef.BRANCH, "main"), TARGET, REGISTRY)))
                .containsExactly("trust.githubRepo");
    }

    @Test
    void githubWildcardsAreExplainedAsTyped() {
        assertThat(TrustPolicyBuilder.explainGitHubRef(github("acme", "api", GitHubRef.BRANCH, "main")))
                .isEqualTo("Only workflows on the branch main of acme/api may assume the role.");
        assertThat(TrustPolicyBuilder.explainGitHubRef(github("acme", "api", GitHubRef.BRANCH, "release/*")))
                .contains("* matches any characters, including /")
                .contains("every matching branch of acme/api");
        assertThat(TrustPolicyBuilder.explainGitHubRef(github("acme", "api", GitHubRef.TAG, "*")))
                .contains("every tag of acme/api");
    }

    @Test
    void samlProviderWithItsAudience() {
        ObjectNode policy = built(saml("arn:aws:iam::" + TARGET + ":saml-provider/Okta", TrustChoice.AWS_SIGN_IN));
        JsonNode statement = policy.path("Statement").path(0);
        assertThat(statement.at("/Principal/Federated").asString())
                .isEqualTo("arn:aws:iam::" + TARGET + ":saml-provider/Okta");
        assertThat(statement.path("Action").asString()).isEqualTo("sts:AssumeRoleWithSAML");
        assertThat(statement.at("/Condition/StringEquals/SAML:aud").asString()).isEqualTo(TrustChoice.AWS_SIGN_IN);
        assertThat(seriousFindings(policy)).isEmpty();
    }

    @Test
    void samlRefusesAProviderOfAnotherAccountAndAnEmptyAudience() {
        assertThat(fields(TrustPolicyBuilder.build(
                        saml("arn:aws:iam::999988887777:saml-provider/Okta", ""), TARGET, REGISTRY)))
                .containsExactly("trust.samlProvider", "trust.samlAudience");
    }

    @Test
    void theRolesAccountMustBeChosenFirst() {
        assertThat(fields(TrustPolicyBuilder.build(service(), "", REGISTRY))).containsExactly("trust.kind");
    }

    @Test
    void everyBuiltPolicyReadsBackIntoTheSameFields() {
        List<TrustChoice> choices = List.of(
                service(),
                account(PARTNER, "external-1234"),
                eks("https://" + EKS, "payments", "api-runner"),
                github("acme", "payments-api", GitHubRef.BRANCH, "release/*"),
                github("acme", "payments-api", GitHubRef.ENVIRONMENT, "prod"),
                saml("arn:aws:iam::" + TARGET + ":saml-provider/Okta", TrustChoice.AWS_SIGN_IN));
        for (TrustChoice choice : choices) {
            ObjectNode policy = built(choice);
            TrustChoice read =
                    TrustPolicyPatterns.recognise(policy, TARGET, REGISTRY).orElseThrow();
            assertThat(built(read)).as("%s", choice.kind()).isEqualTo(policy);
            assertThat(read.kind()).isEqualTo(choice.kind());
        }
    }

    @Test
    void policiesTheBuilderWouldNotWriteStayJson() {
        ObjectNode extraStatement = built(github("acme", "payments-api", GitHubRef.BRANCH, "main"));
        extraStatement
                .withArray("Statement")
                .add(built(service()).path("Statement").path(0));
        assertThat(TrustPolicyPatterns.recognise(extraStatement, TARGET, REGISTRY))
                .isEmpty();
        ObjectNode noAudience = built(github("acme", "payments-api", GitHubRef.BRANCH, "main"));
        ((ObjectNode) noAudience.at("/Statement/0/Condition/StringEquals"))
                .remove("token.actions.githubusercontent.com:aud");
        assertThat(TrustPolicyPatterns.recognise(noAudience, TARGET, REGISTRY)).isEmpty();
    }

    private static List<String> fields(TrustPolicyBuilder.Result result) {
        assertThat(result.policy()).isNull();
        return result.problems().stream().map(FieldProblem::field).toList();
    }
}
