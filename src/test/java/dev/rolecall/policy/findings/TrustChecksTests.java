package dev.rolecall.policy.findings;

import static dev.rolecall.policy.findings.Roles.codes;
import static dev.rolecall.policy.findings.Roles.finding;
import static dev.rolecall.policy.findings.Roles.severity;
import static dev.rolecall.policy.findings.Roles.trust;
import static dev.rolecall.policy.findings.Roles.trustStatement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import org.junit.jupiter.api.Test;

class TrustChecksTests {

    private static final String ASSUME = "\"sts:AssumeRole\"";
    private static final String WEB = "\"sts:AssumeRoleWithWebIdentity\"";
    private static final String GITHUB =
            "{\"Federated\": \"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"}";
    private static final String EKS = "{\"Federated\": \"arn:aws:iam::111122223333:oidc-provider/"
            + "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789\"}";
    private static final String EKS_KEY = "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789";

    @Test
    void anyPrincipalWithoutConditionsIsCritical() {
        PolicyAnalysis analysis = trust(trustStatement("\"*\"", ASSUME, ""));
        assertThat(severity(analysis, "trust-any-principal")).isEqualTo(FindingSeverity.CRITICAL);
        assertThat(finding(analysis, "trust-any-principal").locationText())
                .isEqualTo("trustPolicy · Ln 1, Col 61 · statement 1 · Principal");
        assertThat(trust(trustStatement("{\"AWS\": \"*\"}", ASSUME, "")).has("trust-any-principal"))
                .isTrue();
    }

    @Test
    void anyPrincipalNarrowedByOrganisationShowsTheConditions() {
        PolicyAnalysis analysis = trust(trustStatement(
                "{\"AWS\": \"*\"}", ASSUME, "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc123\"}}"));
        assertThat(codes(analysis)).contains("trust-any-principal-conditioned").doesNotContain("trust-any-principal");
        assertThat(severity(analysis, "trust-any-principal-conditioned")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(finding(analysis, "trust-any-principal-conditioned").message())
                .contains("StringEquals aws:PrincipalOrgID = o-abc123");
    }

    @Test
    void anyPrincipalWithConditionsThatDoNotNameTheCallerIsHigh() {
        PolicyAnalysis analysis =
                trust(trustStatement("\"*\"", ASSUME, "{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"));
        assertThat(severity(analysis, "trust-any-principal-conditioned")).isEqualTo(FindingSeverity.HIGH);
    }

    @Test
    void accountsOutsideTheRegistryAreHigh() {
        PolicyAnalysis unknown =
                trust(trustStatement("{\"AWS\": \"arn:aws:iam::999988887777:role/vendor\"}", ASSUME, ""));
        assertThat(severity(unknown, "trust-unknown-account")).isEqualTo(FindingSeverity.HIGH);
        assertThat(finding(unknown, "trust-unknown-account").message()).contains("999988887777");
        PolicyAnalysis known = trust(trustStatement("{\"AWS\": \"arn:aws:iam::444455556666:role/ci\"}", ASSUME, ""));
        assertThat(codes(known)).doesNotContain("trust-unknown-account");
    }

    @Test
    void crossAccountTrustWithoutExternalIdIsFlagged() {
        String other = "{\"AWS\": \"arn:aws:iam::444455556666:role/ci\"}";
        assertThat(trust(trustStatement(other, ASSUME, "")).has("trust-cross-account-no-external-id"))
                .isTrue();
        assertThat(trust(trustStatement(other, ASSUME, "{\"StringEquals\": {\"sts:ExternalId\": \"x-123\"}}"))
                        .has("trust-cross-account-no-external-id"))
                .isFalse();
        assertThat(trust(trustStatement("{\"AWS\": \"arn:aws:iam::111122223333:role/ci\"}", ASSUME, ""))
                        .has("trust-cross-account-no-external-id"))
                .isFalse();
    }

    @Test
    void accountRootDelegationIsLow() {
        assertThat(severity(
                        trust(trustStatement("{\"AWS\": \"arn:aws:iam::111122223333:root\"}", ASSUME, "")),
                        "trust-account-root"))
                .isEqualTo(FindingSeverity.LOW);
        assertThat(trust(trustStatement("{\"AWS\": \"444455556666\"}", ASSUME, ""))
                        .has("trust-account-root"))
                .isTrue();
        assertThat(trust(trustStatement("{\"AWS\": \"arn:aws:iam::111122223333:role/ci\"}", ASSUME, ""))
                        .has("trust-account-root"))
                .isFalse();
    }

    @Test
    void oidcWithoutConditionsIsCritical() {
        PolicyAnalysis analysis = trust(trustStatement(GITHUB, WEB, ""));
        assertThat(severity(analysis, "trust-oidc-no-conditions")).isEqualTo(FindingSeverity.CRITICAL);
    }

    @Test
    void gitHubActionsWithoutSubIsCritical() {
        PolicyAnalysis analysis = trust(trustStatement(
                GITHUB,
                WEB,
                "{\"StringEquals\": {\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"}}"));
        assertThat(severity(analysis, "trust-github-no-sub")).isEqualTo(FindingSeverity.BLOCK);
        assertThat(codes(analysis)).doesNotContain("trust-oidc-no-aud");
    }

    @Test
    void gitHubActionsWithWildcardOrgOrRepoIsHigh() {
        String condition = "{\"StringEquals\": {\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"}, "
                + "\"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"%s\"}}";
        assertThat(severity(
                        trust(trustStatement(GITHUB, WEB, condition.formatted("repo:my-org/*"))),
                        "trust-github-wildcard-sub"))
                .isEqualTo(FindingSeverity.HIGH);
        assertThat(trust(trustStatement(GITHUB, WEB, condition.formatted("repo:*/app:ref:refs/heads/main")))
                        .has("trust-github-wildcard-sub"))
                .isTrue();
        // A bare * restricts nothing: as if there were no sub condition at all.
        assertThat(trust(trustStatement(GITHUB, WEB, condition.formatted("*"))).has("trust-github-no-sub"))
                .isTrue();
        PolicyAnalysis scoped =
                trust(trustStatement(GITHUB, WEB, condition.formatted("repo:my-org/app:ref:refs/heads/*")));
        assertThat(codes(scoped))
                .doesNotContain("trust-github-wildcard-sub", "trust-github-no-sub", "trust-oidc-no-aud");
    }

    @Test
    void oidcWithoutAudienceIsMedium() {
        PolicyAnalysis analysis = trust(
                trustStatement(
                        GITHUB,
                        WEB,
                        "{\"StringEquals\": {\"token.actions.githubusercontent.com:sub\": \"repo:my-org/app:environment:prod\"}}"));
        assertThat(severity(analysis, "trust-oidc-no-aud")).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(codes(analysis)).doesNotContain("trust-github-no-sub");
    }

    @Test
    void eksServiceAccountMustBeNamed() {
        String aud = "\"" + EKS_KEY + ":aud\": \"sts.amazonaws.com\"";
        assertThat(severity(
                        trust(trustStatement(EKS, WEB, "{\"StringEquals\": {" + aud + "}}")), "trust-eks-sub-missing"))
                .isEqualTo(FindingSeverity.HIGH);
        String sub = "{\"StringEquals\": {" + aud + "}, \"StringLike\": {\"" + EKS_KEY + ":sub\": \"%s\"}}";
        assertThat(severity(
                        trust(trustStatement(EKS, WEB, sub.formatted("system:serviceaccount:*:app"))),
                        "trust-eks-sub-wildcard"))
                .isEqualTo(FindingSeverity.HIGH);
        assertThat(severity(
                        trust(trustStatement(EKS, WEB, sub.formatted("system:serviceaccount:payments:*"))),
                        "trust-eks-sub-wildcard"))
                .isEqualTo(FindingSeverity.MEDIUM);
        PolicyAnalysis exact = trust(trustStatement(EKS, WEB, sub.formatted("system:serviceaccount:payments:api")));
        assertThat(codes(exact)).doesNotContain("trust-eks-sub-wildcard", "trust-eks-sub-missing", "trust-oidc-no-aud");
    }

    @Test
    void servicesWithoutSourceConditionsGetAnAdvisory() {
        String lambda = "{\"Service\": \"lambda.amazonaws.com\"}";
        assertThat(severity(trust(trustStatement(lambda, ASSUME, "")), "trust-service-no-source"))
                .isEqualTo(FindingSeverity.INFO);
        assertThat(trust(trustStatement(
                                lambda, ASSUME, "{\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}"))
                        .has("trust-service-no-source"))
                .isFalse();
    }

    @Test
    void podIdentityMustBeScopedToNamespaceOrServiceAccount() {
        String pods = "{\"Service\": \"pods.eks.amazonaws.com\"}";
        String actions = "[\"sts:AssumeRole\", \"sts:TagSession\"]";
        assertThat(severity(trust(trustStatement(pods, actions, "")), "trust-pod-identity-unscoped"))
                .isEqualTo(FindingSeverity.MEDIUM);
        PolicyAnalysis scoped = trust(trustStatement(
                pods, actions, "{\"StringEquals\": {\"aws:RequestTag/kubernetes-namespace\": \"payments\"}}"));
        assertThat(codes(scoped)).doesNotContain("trust-pod-identity-unscoped", "trust-service-no-source");
    }

    @Test
    void notPrincipalInATrustPolicyBlocks() {
        // IAM refuses NotPrincipal in a role's trust policy: it would trust everyone but those listed.
        PolicyAnalysis analysis = trust("{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": "
                + "\"arn:aws:iam::111122223333:role/x\"}, \"Action\": \"sts:AssumeRole\"}");
        assertThat(severity(analysis, "policy-invalid")).isEqualTo(FindingSeverity.BLOCK);
        assertThat(analysis.findings())
                .anySatisfy(finding -> assertThat(finding.message()).contains("NotPrincipal"));
    }

    @Test
    void actionsMustFitThePrincipal() {
        assertThat(trust(trustStatement(
                                GITHUB,
                                ASSUME,
                                "{\"StringEquals\": {\"token.actions.githubusercontent.com:sub\": \"repo:o/r:ref:refs/heads/main\", "
                                        + "\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"}}"))
                        .has("trust-action-principal-mismatch"))
                .isTrue();
        assertThat(trust(trustStatement("{\"Service\": \"lambda.amazonaws.com\"}", WEB, ""))
                        .has("trust-action-principal-mismatch"))
                .isTrue();
        assertThat(trust(trustStatement("{\"Service\": \"lambda.amazonaws.com\"}", "\"sts:*\"", ""))
                        .has("trust-action-principal-mismatch"))
                .isFalse();
    }
}
