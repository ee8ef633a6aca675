package dev.rolecall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestService;
import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.PassRoleRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard in a real browser, with a request in review behind it: reviewers, auditors and admins
 * land on it after signing in, see the figures and both charts with their tables, follow a tile to its
 * list, and axe-core finds nothing serious; a requester lands on their requests and is refused the
 * dashboard. Same context as every browser test.
 */
// The dashboard's shared figures are kept 30 s: the journey that files a request and counts it runs first.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTests extends BrowserTestSupport {

    @Autowired
    RoleRequestService requests;

    @Test
    @Order(1)
    void reviewersAuditorsAndAdminsLandOnTheDashboardAndEachTileLeadsToItsList() {
        String roleName = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        PassRoleRequests.file(
                requests,
                roleName,
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                "Reports across the account (PAY-12)");
        List<String> problems = new ArrayList<>();

        browser.signIn("bob");
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.find(By.cssSelector("#tile-in-review .tile-value")).getText())
                .isNotEqualTo("0");
        String waiting =
                browser.find(By.cssSelector("#tile-waiting .tile-value")).getText();
        assertThat(waiting).isNotEqualTo("0");
        assertThat(browser.findAll(By.cssSelector("#chart-weekly svg rect"))).isNotEmpty();
        assertThat(browser.findAll(By.cssSelector("#chart-risks svg rect"))).isNotEmpty();
        browser.find(By.cssSelector("#chart-weekly details summary")).click();
        assertThat(browser.find(By.id("chart-weekly-table")).isDisplayed()).isTrue();
        problems.addAll(axe("bob"));
        browser.find(By.cssSelector("#tile-waiting a")).click();
        browser.until(ExpectedConditions.urlContains("/inbox?tab=MY_GROUPS"));
        assertThat(browser.find(By.id("tab-MY_GROUPS")).getAttribute("aria-current"))
                .isEqualTo("page");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("(" + waiting + ")");
        browser.signOut();

        for (String person : List.of("carol", "dave")) {
            browser.signIn(person);
            assertThat(browser.path()).isEqualTo("/dashboard");
            assertThat(browser.findAll(By.id("tile-waiting"))).isEmpty();
            problems.addAll(axe(person));
            browser.find(By.cssSelector("#tile-in-review a")).click();
            browser.until(ExpectedConditions.urlContains("/requests?status=IN_REVIEW"));
            assertThat(browser.text()).contains(roleName);
            browser.signOut();
        }

        browser.signIn("alice");
        assertThat(browser.path()).isEqualTo("/requests");
        browser.open("/dashboard");
        assertThat(browser.findAll(By.id("tile-in-review"))).isEmpty();
        assertThat(browser.text()).doesNotContain("Requests per week by outcome");

        assertThat(problems).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    @Order(2)
    void anAdminTestsAccessToTheMotoBackedAccountFromTheAccountsPage() {
        browser.signIn("dave");
        browser.open("/admin/accounts");
        browser.find(By.cssSelector("#account-" + MOTO_ACCOUNT + " form button[type=submit]"))
                .click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#account-" + MOTO_ACCOUNT + " .notice"), "Rolecall reached account " + MOTO_ACCOUNT));
        assertThat(browser.find(By.cssSelector("#account-" + MOTO_ACCOUNT + " .notice"))
                        .getText())
                .contains("listing roles works", "Nothing to do");
        assertThat(axe("dave on /admin/accounts"))
                .as("serious or critical axe-core violations")
                .isEmpty();
        browser.signOut();

        browser.signIn("alice");
        browser.open("/admin/accounts");
        assertThat(browser.findAll(By.cssSelector("#account-" + MOTO_ACCOUNT + " form button")))
                .isEmpty();
    }

    private List<String> axe(String person) {
        browser.until(driver -> "complete".equals(browser.script("return document.readyState")));
        browser.collectConsoleErrors();
        List<String> found = new ArrayList<>();
        for (String violation : browser.axeViolations()) {
            if (violation.contains("(serious)") || violation.contains("(critical)")) {
                found.add(person + ": " + violation);
            }
        }
        browser.consoleErrors().forEach(error -> found.add(person + ": console " + error));
        return found;
    }
}
