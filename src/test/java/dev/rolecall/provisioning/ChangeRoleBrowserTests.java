package dev.rolecall.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RunningRolecallTests;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The journey of a change in real headless Chromium: alice asks to change a role that exists (the
 * form starts from the live role), bob sees the change against the live role and the exact IAM calls
 * before approving, approves, and sees it applied; the role in AWS has changed.
 */
class ChangeRoleBrowserTests extends BrowserTestSupport {

    private static final String ROLE = "browser-change-role";

    @Test
    void changeAnExistingRoleSeeThePlanApproveAndSeeItApplied() {
        try (IamClient iam = MotoServer.shared().iamClient()) {
            iam.createRole(request -> request.roleName(ROLE)
                    .description("Reads invoices")
                    .assumeRolePolicyDocument(TestSpecs.TRUST)
                    .tags(
                            tag -> tag.key("team").value("payments"),
                            tag -> tag.key("managed-by").value("rolecall")));
            iam.putRolePolicy(
                    request -> request.roleName(ROLE).policyName("read-reports").policyDocument(TestSpecs.READ_BUCKET));
        }

        browser.signIn("alice");
        browser.open("/requests/new?kind=CHANGE&account=" + RunningRolecallTests.MOTO_ACCOUNT + "&role=" + ROLE);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Request a change to " + ROLE);
        assertThat(browser.find(By.id("description")).getAttribute("value")).isEqualTo("Reads invoices");
        assertThat(browser.find(By.id("inlinePolicies-0-document")).getAttribute("value"))
                .contains("payments-reports");
        browser.type("description", "Reads invoices and reports");
        browser.type("justification", "The reports job also runs on this role (PAY-12)");
        browser.find(By.id("submit-request")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/[0-9a-f-]{36}$"));
        String requestPath = browser.path();
        assertThat(browser.text()).contains("Change role " + ROLE, "In review");
        browser.collectConsoleErrors();
        browser.signOut();

        browser.signIn("bob");
        browser.open(requestPath);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("change-against-live"), "Changes against the live role"));
        assertThat(browser.find(By.id("change-against-live")).getText())
                .contains("Reads invoices", "Reads invoices and reports", "UpdateRole")
                .doesNotContain("PutRolePolicy", "TagRole");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iam-calls"), "UpdateRole"));
        browser.find(By.id("decision-approve")).click();
        browser.type("comment", "Description only");
        browser.find(By.id("submit-decision")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Approved"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
            driver.navigate().refresh();
            return browser.text().contains("Applied");
        });
        assertThat(browser.find(By.id("progress")).getText()).contains("UpdateRole");
        try (IamClient iam = MotoServer.shared().iamClient()) {
            assertThat(iam.getRole(request -> request.roleName(ROLE)).role().description())
                    .isEqualTo("Reads invoices and reports");
        }
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors()).as("JavaScript console errors").isEmpty();
    }
}
