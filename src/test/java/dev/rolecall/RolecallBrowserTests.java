package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journey through the pages in real headless Chromium, against a real IAM emulator: alice fills
 * in and submits the form, bob asks for changes, alice reads his comment and revises, bob sees what
 * changed since revision 1 and approves, Rolecall applies the role to moto, carol downloads the
 * audit CSV. No page may log a JavaScript error (CSP violations included). The plan-only account is
 * followed through the API in {@code RolecallJourneyIntegrationTests}.
 */
class RolecallBrowserTests extends BrowserTestSupport {

    @Test
    void requestChangesReviseApproveApplyAndExportThroughThePages() throws Exception {
        browser.signIn("alice");
        browser.open("/requests/new");
        new Select(browser.find(By.id("accountId"))).selectByValue(MOTO_ACCOUNT);
        browser.type("roleName", "browser-built-role");
        browser.type("description", "Built in the browser");
        browser.type("justification", "Reads the invoices bucket for reports (PAY-9)");
        browser.type("inlinePolicies-0-name", "read-invoices");
        browser.type("inlinePolicies-0-document", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::company-invoices/*"}]}""");
        browser.type("tags-0-key", "team");
        browser.type("tags-0-value", "payments");
        // htmx refreshes the analysis as the person types; this policy reads one bucket only.
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-findings"), "Catalog"));
        assertThat(browser.find(By.id("live-findings")).getText())
                .contains("Findings")
                .doesNotContain("problem(s) stop submission");
        browser.find(By.id("submit-request")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/[0-9a-f-]{36}$"));
        String requestPath = browser.path();
        String requestId = requestPath.substring("/requests/".length());
        assertThat(browser.text()).contains("Submitted for review", "In review", "browser-built-role");
        assertThat(browser.text()).contains("You can't approve: you filed this request");
        browser.collectConsoleErrors();
        browser.signOut();

        // bob asks for a cost-center tag.
        openFromBobsInbox(requestPath);
        assertThat(browser.findAll(By.id("revise"))).isEmpty();
        browser.find(By.id("decision-changes")).click();
        browser.type("comment", "Add a cost-center tag, please");
        browser.find(By.id("submit-decision")).click();
        browser.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Changes requested"));
        assertThat(browser.find(By.id("next-step-text")).getText())
                .isEqualTo("Changes requested: waiting for alice to revise or withdraw it.");
        browser.collectConsoleErrors();
        browser.signOut();

        // alice reads the comment, revises with the tag, and review starts again.
        browser.signIn("alice");
        browser.open(requestPath);
        assertThat(browser.text()).contains("Add a cost-center tag, please");
        browser.find(By.id("revise")).click();
        browser.until(ExpectedConditions.urlContains(requestPath + "/revise"));
        assertThat(browser.find(By.id("review-comments")).getText())
                .contains("bob", "requested changes", "Add a cost-center tag, please");
        assertThat(browser.find(By.id("tags-0-key")).getAttribute("value")).isEqualTo("team");
        assertThat(browser.find(By.id("inlinePolicies-0-document")).getAttribute("value"))
                .contains("company-invoices");
        browser.type("tags-1-key", "cost-center");
        browser.type("tags-1-value", "42");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-findings"), "Catalog"));
        browser.find(By.id("submit-request")).click();
        browser.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Revision 2 submitted"));
        assertThat(browser.driver().getCurrentUrl()).endsWith(requestPath);
        assertThat(browser.text()).contains("In review", "revision 2");
        browser.collectConsoleErrors();
        browser.signOut();

        // bob sees what changed since revision 1, checks the access, and approves.
        openFromBobsInbox(requestPath);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("revision-changes"), "Changes since revision 1"));
        assertThat(browser.find(By.id("revision-changes")).getText())
                .contains("+ added cost-center=42", "Revision 2 started review again")
                .contains("Newly allowed: nothing.");
        // The picker compares any two revisions in place.
        new Select(browser.find(By.id("revision-from"))).selectByValue("2");
        browser.find(By.id("compare-revisions")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("revision-changes"), "These two revisions ask for the same role"));
        // The analysis sections load through htmx; "can this role …?" answers in place.
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("effective-permissions"), "arn:aws:s3:::company-invoices/*"));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-changes h2")));
        browser.type("can-do-action", "s3:GetObject");
        browser.type("can-do-resource", "arn:aws:s3:::company-invoices/2026/11.pdf");
        browser.find(By.cssSelector("#can-do button[type=submit]")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("can-do"), "ALLOWED by inline policy read-invoices"));
        browser.type("can-do-resource", "arn:aws:s3:::payroll/2026/11.pdf");
        browser.find(By.cssSelector("#can-do button[type=submit]")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("can-do"), "IMPLICITLY_DENIED"));
        browser.find(By.id("decision-approve")).click();
        browser.type("comment", "Read-only on one bucket, tagged");
        browser.find(By.id("submit-decision")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Approved"));
        // htmx polls the apply progress until moto has the role.
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("role-arn")));
        } catch (org.openqa.selenium.TimeoutException e) {
            System.err.println("htmx poll did not show the applied role within 30 s; progress section was: "
                    + browser.find(By.id("progress")).getAttribute("outerHTML"));
            browser.driver().navigate().refresh();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("role-arn")));
        }
        assertThat(browser.find(By.id("progress")).getText())
                .contains("arn:aws:iam::" + MOTO_ACCOUNT + ":role/browser-built-role")
                .contains("CreateRole", "PutRolePolicy");
        browser.driver().navigate().refresh();
        assertThat(browser.text()).contains("Applied");
        assertThat(browser.find(By.id("next-step-text")).getText())
                .isEqualTo("Applied: the role exists in AWS. Nothing left to do.");
        try (var iam = MotoServer.shared().iamClient()) {
            assertThat(iam.listRoleTags(r -> r.roleName("browser-built-role")).tags())
                    .anySatisfy(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("cost-center=42"));
        }
        browser.collectConsoleErrors();
        browser.signOut();

        browser.signIn("carol");
        browser.until(ExpectedConditions.urlContains("/dashboard"));
        browser.open("/audit");
        browser.find(By.cssSelector("a[href*='export.csv']")).click();
        Path csv = browser.awaitDownload(".csv");
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(content).startsWith("event_id,occurred_at,actor,action,request_id,account_id,role_name,details");
        assertThat(content.lines().filter(line -> line.contains(requestId)))
                .anySatisfy(line -> assertThat(line).contains("alice", "request.submitted"))
                .anySatisfy(line -> assertThat(line).contains("bob", "request.changes_requested"))
                .anySatisfy(line -> assertThat(line).contains("bob", "request.approved"))
                .anySatisfy(line -> assertThat(line).contains("apply.applied"));
        assertThat(content.lines().filter(line -> line.contains(requestId) && line.contains("request.submitted")))
                .hasSize(2);
        browser.collectConsoleErrors();

        assertThat(browser.consoleErrors()).as("JavaScript console errors").isEmpty();
    }

    /** bob signs in, lands on his dashboard, follows "Waiting on me" to his inbox and opens the request from it. */
    private void openFromBobsInbox(String requestPath) {
        browser.signIn("bob");
        browser.until(ExpectedConditions.urlContains("/dashboard"));
        browser.find(By.cssSelector("#tile-waiting a")).click();
        browser.until(ExpectedConditions.urlContains("/inbox"));
        browser.find(By.linkText("browser-built-role")).click();
        browser.until(ExpectedConditions.urlContains(requestPath));
    }
}
