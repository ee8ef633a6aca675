package dev.rolecall.inventory;

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
 * Adopting a role in real headless Chromium: dave scans the moto account and adopts a role made
 * outside Rolecall, which files an IMPORT request; dave, its requester, cannot approve it; bob sees
 * that adopting makes no call to AWS and approves; the role's page shows it IMPORTED, with the
 * request in its history.
 */
class RoleImportBrowserTests extends BrowserTestSupport {

    private static final String ROLE = "browser-legacy-role";

    @Test
    void daveAdoptsARoleBobApprovesTheImportAndTheRoleIsImported() {
        try (IamClient iam = MotoServer.shared().iamClient()) {
            iam.createRole(request -> request.roleName(ROLE)
                    .description("Made by hand in 2019")
                    .assumeRolePolicyDocument(InventorySpecs.TRUST)
                    .tags(tag -> tag.key("team").value("payments")));
        }

        browser.signIn("dave");
        browser.open("/roles/import?account=" + RunningRolecallTests.MOTO_ACCOUNT);
        browser.find(By.cssSelector("input[name='role'][value='" + ROLE + "']")).click();
        browser.type("justification", "Made by hand before Rolecall; payments owns it (PAY-40)");
        browser.find(By.cssSelector("form[action$='/roles/import/adopt'] button[type='submit']"))
                .click();
        browser.until(ExpectedConditions.urlMatches("/requests/[0-9a-f-]{36}$"));
        String requestPath = browser.path();
        assertThat(browser.text()).contains("Adopt role " + ROLE, "In review", "Filed 1 IMPORT request");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("change-against-live"), "What adopting the role records"));
        assertThat(browser.find(By.id("import-calls")).getText()).contains("no call is made to AWS");
        assertThat(browser.findAll(By.id("decision-approve")))
                .as("dave filed it: he may not approve it")
                .isEmpty();
        browser.collectConsoleErrors();
        browser.signOut();

        browser.signIn("bob");
        browser.open(requestPath);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("change-against-live"), "What adopting the role records"));
        browser.find(By.id("decision-approve")).click();
        browser.type("comment", "Matches what runs today");
        browser.find(By.id("submit-decision")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Approved"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
            driver.navigate().refresh();
            return browser.text().contains("Applied");
        });

        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
            browser.open("/roles/" + RunningRolecallTests.MOTO_ACCOUNT + "/" + ROLE);
            return browser.text().contains("Imported");
        });
        String history = browser.find(By.id("history")).getText();
        assertThat(history).contains("Adopted from AWS", "by dave");
        assertThat(browser.find(By.cssSelector("#history a")).getAttribute("href"))
                .endsWith(requestPath);
        try (IamClient iam = MotoServer.shared().iamClient()) {
            assertThat(iam.listRoleTags(request -> request.roleName(ROLE)).tags())
                    .noneMatch(tag -> tag.key().equals("managed-by"));
        }
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors()).as("JavaScript console errors").isEmpty();
    }
}
