package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.BrowserTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Break-glass in Chromium: alice files an emergency (first without a reason, which the form refuses on
 * the field), it applies to moto at once and is flagged; she cannot review it herself; bob finds it
 * flagged in the role's history and in his inbox, reads "Applied in an emergency — review it" and
 * confirms it, which the role's history then says; frank is never offered break-glass.
 */
class BreakGlassBrowserTests extends BrowserTestSupport {

    private static final String ROLE = "browser-emergency-role";

    @Test
    void aliceFilesAnEmergencyItAppliesAndBobConfirmsItFromHisInbox() {
        browser.signIn("alice");
        fillTheForm();
        browser.find(By.id("emergency")).click();
        browser.find(By.id("submit-request")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("emergencyReason-error")));
        assertThat(browser.find(By.id("emergencyReason-error")).getText())
                .isEqualTo("is required: say why this cannot wait for review");
        assertThat(browser.find(By.id("emergency")).isSelected()).isTrue();

        browser.type("emergencyReason", "INC-4711: the payments queue is stuck");
        browser.find(By.id("submit-request")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/[0-9a-f-]{36}$"));
        String requestPath = browser.path();
        assertThat(browser.find(By.cssSelector(".flash")).getText()).startsWith("Emergency filed");
        WebElement badge = browser.find(By.cssSelector("h1 .emergency-badge"));
        assertThat(badge.getText()).isEqualTo("EMERGENCY");
        assertThat(badge.getAttribute("title")).contains("INC-4711: the payments queue is stuck");
        assertThat(browser.find(By.id("emergency-state")).getText())
                .contains("You cannot review your own emergency", "waits on 1 of security");
        assertThat(browser.findAll(By.id("emergency-review-form"))).isEmpty();
        awaitApplied(requestPath);
        browser.signOut();

        browser.signIn("bob");
        String rolePath = "/roles/" + MOTO_ACCOUNT + "/" + ROLE;
        browser.open(rolePath);
        WebElement applied = browser.find(By.cssSelector("#history .emergency-note"));
        assertThat(applied.findElement(By.cssSelector(".emergency-badge")).getText())
                .isEqualTo("EMERGENCY");
        assertThat(applied.getText())
                .contains("INC-4711: the payments queue is stuck", "review after the fact pending");
        assertThat(browser.axeViolations())
                .as("the role page with an emergency in its history")
                .isEmpty();
        browser.open("/inbox");
        WebElement row = browser.find(By.xpath("//tr[td/a[text()='" + ROLE + "']]"));
        assertThat(row.findElement(By.cssSelector(".emergency-badge")).getText())
                .isEqualTo("EMERGENCY");
        row.findElement(By.linkText(ROLE)).click();
        browser.until(ExpectedConditions.urlContains(requestPath));
        assertThat(browser.find(By.id("emergency-title")).getText()).isEqualTo("Applied in an emergency — review it");
        assertThat(browser.find(By.id("emergency-reason")).getText())
                .isEqualTo("INC-4711: the payments queue is stuck");
        browser.type("emergency-comment", "Needed for INC-4711; keeps read-only on one queue");
        browser.find(By.id("emergency-confirm")).click();
        browser.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Emergency confirmed"));
        assertThat(browser.find(By.id("emergency-state")).getText()).startsWith("Confirmed after the fact");
        assertThat(browser.findAll(By.id("emergency-review-form"))).isEmpty();
        assertThat(browser.find(By.id("timeline")).findElement(By.xpath("..")).getText())
                .contains("Approved at once by break-glass: INC-4711", "Needed for INC-4711");
        browser.open(rolePath);
        assertThat(browser.find(By.cssSelector("#history .emergency-note")).getText())
                .contains("confirmed after the fact");
        browser.signOut();

        browser.signIn("frank");
        browser.open("/requests/new");
        assertThat(browser.findAll(By.id("emergency-filing")))
                .as("frank may not break the glass")
                .isEmpty();
    }

    private void fillTheForm() {
        browser.open("/requests/new");
        new Select(browser.find(By.id("accountId"))).selectByValue(MOTO_ACCOUNT);
        browser.type("roleName", ROLE);
        browser.type("justification", "payments-api reads its queue");
        browser.type("inlinePolicies-0-name", "read-queue");
        browser.type("inlinePolicies-0-document", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:ReceiveMessage",
                 "Resource":"arn:aws:sqs:us-east-1:123456789012:payments"}]}""");
        assertThat(browser.find(By.id("emergency-filing")).getText()).contains("Blocking findings still stop it");
    }

    /** The apply job runs after the commit; htmx polls the progress until the page shows the role's ARN. */
    private void awaitApplied(String requestPath) {
        String arn = "arn:aws:iam::" + MOTO_ACCOUNT + ":role/" + ROLE;
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("role-arn"), arn));
        } catch (TimeoutException e) {
            browser.open(requestPath);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("role-arn"), arn));
        }
        browser.open(requestPath);
        assertThat(browser.find(By.tagName("h1")).getText()).contains("EMERGENCY");
    }
}
