package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trust builder in real headless Chromium: a requester who writes no JSON builds a GitHub Actions
 * trust and an EKS (IRSA) trust, watches the policy appear beside the fields, and files each request
 * with nothing blocking or high in it; the form has no serious or critical accessibility issue and
 * the page logs no error (CSP violations included).
 */
class TrustBuilderBrowserTests extends BrowserTestSupport {

    static final String EKS = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

    @Autowired
    RoleRequestService requests;

    @Test
    void aGitHubActionsTrustIsBuiltAndFiledWithoutSeriousFindings() {
        startRequest("gha-deployer");
        chooseKind("GITHUB");
        browser.type("trust-githubOrg", "acme");
        browser.type("trust-githubRepo", "payments-api");
        new Select(browser.find(By.id("trust-githubRefType"))).selectByValue("ENVIRONMENT");
        browser.type("trust-githubRef", "prod");
        awaitJson("\"repo:acme/payments-api:environment:prod\"");
        assertThat(json()).contains("\"token.actions.githubusercontent.com:aud\" : \"sts.amazonaws.com\"");
        assertThat(browser.find(By.id("trust-github-explained")).getText())
                .isEqualTo("Only workflows on the environment prod of acme/payments-api may assume the role.");

        browser.type("trust-githubRef", "release-*");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("trust-github-explained"), "* matches any characters"));

        browser.type("trust-githubRepo", "");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("trust-githubRepo-error"), "Name the repository exactly"));
        browser.type("trust-githubRepo", "payments-api");
        browser.until(ExpectedConditions.textToBe(By.id("trust-githubRepo-error"), ""));
        addReadFromTemplate("invoices", "2024/");
        awaitJson("\"repo:acme/payments-api:environment:release-*\"");

        RoleRequestId filed = file();
        assertNoSeriousFinding(filed);
        assertThat(requests.get(filed, TestUsers.ALICE).spec().inlinePolicies()).containsOnlyKeys("tpl-s3-read-1");
        assertThat(browser.find(By.id("template-of-tpl-s3-read-1")).getText())
                .isEqualTo("Made from the template Read a bucket or a prefix with bucket = invoices, prefix = 2024/.");
    }

    /** Fills the "Read a bucket or a prefix" template: the form comes back with its inline policy. */
    private void addReadFromTemplate(String bucket, String prefix) {
        browser.find(By.cssSelector("details.templates > summary")).click();
        browser.find(By.xpath("//details[@class='card'][summary='Read a bucket or a prefix']/summary"))
                .click();
        browser.type("tpl-s3-read-bucket", bucket);
        browser.type("tpl-s3-read-prefix", prefix);
        browser.find(By.id("tpl-s3-read-add")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("template-added"), "Added the inline policy tpl-s3-read-1"));
        assertThat(browser.find(By.id("inlinePolicies-0-name")).getAttribute("value"))
                .isEqualTo("tpl-s3-read-1");
        assertThat(browser.find(By.id("inlinePolicies-0-document")).getAttribute("value"))
                .contains("arn:aws:s3:::" + bucket + "/" + prefix + "*");
    }

    @Test
    void anIrsaTrustIsBuiltAndFiledAndTheFormPassesAxe() {
        startRequest("irsa-reader");
        chooseKind("EKS");
        browser.type("trust-oidcProvider", "https://" + EKS);
        browser.type("trust-namespace", "payments");
        browser.type("trust-serviceAccount", "invoice-reader");
        awaitJson("\"system:serviceaccount:payments:invoice-reader\"");
        assertThat(json())
                .contains("\"" + EKS + ":aud\" : \"sts.amazonaws.com\"")
                .contains("oidc-provider/" + EKS);
        addManagedPolicyFoundByTyping("s3 readonly", "AmazonS3ReadOnlyAccess");

        List<String> serious = browser.axeViolations().stream()
                .filter(violation -> violation.contains("(serious)") || violation.contains("(critical)"))
                .toList();
        assertThat(serious)
                .as("serious or critical axe-core violations on the form")
                .isEmpty();

        RoleRequestId filed = file();
        assertNoSeriousFinding(filed);
        assertThat(requests.get(filed, TestUsers.ALICE).spec().managedPolicyArns())
                .containsExactly("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    }

    /** Types part of a name into the managed policy search and adds the policy it finds. */
    private void addManagedPolicyFoundByTyping(String typed, String name) {
        String arn = "arn:aws:iam::aws:policy/" + name;
        browser.type("managed-policy-search", typed);
        By add = By.cssSelector("#managed-policy-results [data-add-arn='" + arn + "']");
        browser.until(ExpectedConditions.presenceOfElementLocated(add));
        assertThat(browser.find(By.id("managed-policy-results")).getText())
                .contains(name)
                .contains("Amazon S3");
        browser.find(add).click();
        browser.until(
                driver -> String.valueOf(browser.script("return document.getElementById('managedPolicyArns').value"))
                        .contains(arn));
    }

    private void startRequest(String roleName) {
        browser.signIn("alice");
        browser.open("/requests/new");
        new Select(browser.find(By.id("accountId"))).selectByValue(MOTO_ACCOUNT);
        browser.type("roleName", roleName + "-" + UUID.randomUUID().toString().substring(0, 8));
        browser.type("justification", "Deploys payments-api (PAY-77)");
        awaitJson("\"aws:SourceAccount\" : \"" + MOTO_ACCOUNT + "\"");
    }

    private void chooseKind(String kind) {
        browser.find(By.cssSelector("label:has(#trust-kind-" + kind + ")")).click();
        browser.until(ExpectedConditions.elementToBeSelected(By.id("trust-kind-" + kind)));
    }

    private void awaitJson(String text) {
        browser.until(driver -> json().contains(text));
    }

    /** The trust policy's text now; read in one step, since the preview replaces the field as it goes. */
    private String json() {
        return String.valueOf(browser.script("return document.getElementById('trustPolicy').value"));
    }

    private RoleRequestId file() {
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-findings"), "Catalog"));
        assertThat(browser.find(By.id("live-findings")).getText()).doesNotContain("problem(s) stop submission");
        browser.find(By.id("submit-request")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/[0-9a-f-]{36}$"));
        assertThat(browser.text()).contains("Submitted for review");
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors()).isEmpty();
        return new RoleRequestId(UUID.fromString(browser.path().substring("/requests/".length())));
    }

    private void assertNoSeriousFinding(RoleRequestId id) {
        RoleRequestView request = requests.get(id, TestUsers.ALICE);
        List<PolicyFinding> serious = requests.analysis(request).findings().stream()
                .filter(finding -> finding.severity().isAtLeast(FindingSeverity.HIGH))
                .toList();
        assertThat(serious).isEmpty();
        assertThat(request.spec().trustPolicy().toString()).doesNotContain("lambda.amazonaws.com");
    }
}
