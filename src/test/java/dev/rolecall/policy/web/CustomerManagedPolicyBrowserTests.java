package dev.rolecall.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.MotoServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A requester finds a policy of the request's own account in the managed policy picker in real
 * headless Chromium: the apply account's customer-managed policy shows with its risk and is added to
 * the list; for the plan-only account one line says why none are listed, beside the AWS managed
 * results.
 */
class CustomerManagedPolicyBrowserTests extends BrowserTestSupport {

    private static final String EVERYTHING_IN_S3 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";

    @Test
    void anApplyAccountsOwnPolicyIsFoundAndAddedAndAPlanOnlyAccountSaysWhyNot() {
        String name = "cmp" + UUID.randomUUID().toString().substring(0, 8) + "-payments-buckets";
        String arn;
        try (IamClient iam = MotoServer.shared().iamClient()) {
            arn = iam.createPolicy(request -> request.policyName(name).policyDocument(EVERYTHING_IN_S3))
                    .policy()
                    .arn();
        }
        browser.signIn("alice");
        browser.open("/requests/new");
        new Select(browser.find(By.id("accountId"))).selectByValue(MOTO_ACCOUNT);

        String query = name.substring(0, 11) + " payments";
        browser.type("managed-policy-search", query);
        By add = By.cssSelector("#managed-policy-results [data-add-arn='" + arn + "']");
        // The console keeps an account's list of customer policies for a minute: a test before this one
        // may have listed the account just before the policy was created. Search again until it shows.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90))
                .pollingEvery(Duration.ofSeconds(5))
                .until(driver -> {
                    if (!browser.findAll(add).isEmpty()) {
                        return true;
                    }
                    browser.type("managed-policy-search", query);
                    return false;
                });
        WebElement row = browser.find(By.xpath("//li[.//code[text()='" + arn + "']]"));
        assertThat(row.getText()).contains(name).contains("customer managed").contains("Amazon S3");
        assertThat(row.findElement(By.cssSelector(".pill.risk")).getAttribute("class"))
                .containsAnyOf("risk-high", "risk-critical");
        browser.find(add).click();
        browser.until(
                driver -> String.valueOf(browser.script("return document.getElementById('managedPolicyArns').value"))
                        .contains(arn));

        new Select(browser.find(By.id("accountId"))).selectByValue(DEMO_ACCOUNT);
        browser.type("managed-policy-search", "s3 readonly");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".customer-unavailable")));
        assertThat(browser.find(By.cssSelector(".customer-unavailable")).getText())
                .contains("plan-only")
                .contains("customer-managed policies are not listed");
        assertThat(browser.find(By.id("managed-policy-results")).getText())
                .contains("AmazonS3ReadOnlyAccess")
                .doesNotContain("customer managed");
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
