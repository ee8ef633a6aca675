package dev.rolecall;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.DemoRouting;
import dev.rolecall.test.RunningRolecallTests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo routing in Chromium: a prod request with a HIGH finding needs bob (security), then erin
 * (the account's owners); a LOW request in the sandbox approves itself by the demo rule.
 */
@DemoRouting
class RoutingBrowserTests extends BrowserTestSupport {

    private static final String PROD_ACCOUNT = "444455556666";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RoleRequestService requests;

    @DynamicPropertySource
    static void prodAccount(DynamicPropertyRegistry registry) {
        registry.add("rolecall.accounts[2].id", () -> PROD_ACCOUNT);
        registry.add("rolecall.accounts[2].name", () -> "demo-payments-prod");
        registry.add("rolecall.accounts[2].environment", () -> "prod");
        registry.add("rolecall.accounts[2].mode", () -> "PLAN_ONLY");
    }

    private RoleRequestView file(String account, String roleName, String action, String resource) {
        RoleSpec spec = new RoleSpec(
                account,
                roleName,
                "/",
                null,
                JSON.readTree("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                         "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                List.of(),
                Map.of("access", JSON.readTree("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"%s","Resource":"%s"}]}""".formatted(action, resource))),
                null,
                3600,
                Map.of(),
                null);
        return requests.submit(new SubmitRoleRequest(spec, "Deploys functions", Map.of()), ALICE);
    }

    private void approve(String page, String comment) {
        browser.open(page);
        browser.find(By.id("decision-approve")).click();
        browser.find(By.id("comment")).sendKeys(comment);
        browser.find(By.id("submit-decision")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("review-route")));
    }

    /**
     * Narrows the inbox with its form (the environment's select refreshes the rows at once, the text
     * on Apply) until the request is the only row, and checks the page with axe-core.
     */
    private void findInTheInbox(String id, String otherFinding) {
        browser.open("/inbox?tab=ALL_OPEN");
        new Select(browser.find(By.id("filter-environment"))).selectByValue("prod");
        browser.until(ExpectedConditions.urlContains("environment=prod"));
        browser.find(By.id("filter-text")).sendKeys("browser-prod-passrole");
        browser.find(By.id("filter-apply")).click();
        browser.until(ExpectedConditions.urlContains("text=browser-prod-passrole"));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/requests/" + id + "']")));
        assertThat(browser.findAll(By.cssSelector("#inbox tbody tr"))).hasSize(1);
        assertThat(new Select(browser.find(By.id("filter-environment")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("prod");
        assertThat(browser.find(By.id("tab-MY_GROUPS")).getAttribute("href"))
                .as("the filters stay across tabs")
                .contains("environment=prod")
                .contains("text=browser-prod-passrole");
        List<String> serious = browser.axeViolations().stream()
                .filter(violation -> violation.contains("(serious)") || violation.contains("(critical)"))
                .toList();
        assertThat(serious)
                .as("serious or critical axe-core violations on the inbox")
                .isEmpty();
        byFinding(id, otherFinding);
    }

    /**
     * The finding filter keeps the request for a finding besides the one that sets its risk, and drops
     * it for a finding it does not have.
     */
    private void byFinding(String id, String otherFinding) {
        By row = By.cssSelector("a[href='/requests/" + id + "']");
        new Select(browser.find(By.id("filter-finding"))).selectByValue("trust-any-principal");
        browser.until(ExpectedConditions.urlContains("finding=trust-any-principal"));
        browser.until(ExpectedConditions.numberOfElementsToBe(row, 0));
        new Select(browser.find(By.id("filter-finding"))).selectByValue(otherFinding);
        browser.until(ExpectedConditions.urlContains("finding=" + otherFinding));
        browser.until(ExpectedConditions.numberOfElementsToBe(row, 1));
    }

    @Test
    void aProdHighRequestNeedsBobThenErin() {
        RoleRequestView filed = file(PROD_ACCOUNT, "browser-prod-passrole", "iam:PassRole", "*");
        String page = "/requests/" + filed.id();
        assertThat(filed.riskLevel()).isIn(RiskLevel.HIGH, RiskLevel.CRITICAL);

        browser.signIn("erin");
        browser.open(page);
        assertThat(browser.find(By.id("route-rule")).getText()).isEqualTo("prod-security-then-owners");
        assertThat(browser.find(By.id("stage-1")).getText()).contains("waiting on 1 of security");
        assertThat(browser.find(By.id("stage-2")).getText()).contains("starts when the stage before it passes");
        browser.signOut();

        browser.signIn("bob");
        assertThat(browser.find(By.id("nav-waiting")).getText())
                .as("waiting for bob")
                .matches("[1-9][0-9]*\\+?");
        String otherFinding = requests.analysis(requests.get(filed.id(), BOB)).findings().stream()
                .map(PolicyFinding::code)
                .filter(code -> !code.equals(filed.topFindingCode()))
                .findFirst()
                .orElseThrow();
        findInTheInbox(filed.id().toString(), otherFinding);
        approve(page, "Security agrees: the functions need to pass their roles");
        assertThat(browser.find(By.id("stage-1")).getText()).contains("passed, approved by bob");
        assertThat(browser.find(By.id("stage-2")).getText()).contains("waiting on 1 of payments-owners");
        assertThat(browser.findAll(By.id("decision-form")))
                .as("bob already approved a stage")
                .isEmpty();
        assertThat(browser.find(By.tagName("h1")).getText()).contains("In review");
        browser.signOut();

        browser.signIn("erin");
        assertThat(browser.find(By.id("nav-waiting")).getText())
                .as("waiting for erin")
                .matches("[1-9][0-9]*\\+?");
        approve(page, "Owners agree");
        assertThat(browser.find(By.id("stage-2")).getText()).contains("passed, approved by erin");
        assertThat(browser.find(By.tagName("h1")).getText()).doesNotContain("In review");
    }

    @Test
    void aSandboxLowRequestApprovesItself() {
        RoleRequestView filed = file(
                RunningRolecallTests.DEMO_ACCOUNT,
                "browser-sandbox-reader",
                "logs:GetLogEvents",
                "arn:aws:logs:us-east-1:111122223333:log-group:/app/reader:*");

        browser.signIn("alice");
        browser.open("/requests/" + filed.id());
        assertThat(browser.findAll(By.id("nav-waiting")))
                .as("alice reviews nothing")
                .isEmpty();
        assertThat(browser.find(By.id("route-rule")).getText()).isEqualTo("sandbox-low-risk");
        assertThat(browser.find(By.id("timeline")).findElement(By.xpath("..")).getText())
                .contains("Approved by routing rule sandbox-low-risk");
        assertThat(browser.find(By.tagName("h1")).getText()).doesNotContain("In review");
    }
}
