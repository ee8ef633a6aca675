package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.PassRoleRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What only a browser shows about every page: the request page of a large role stays light and leads
 * with the risky line, no page scrolls sideways on a 390 px phone, and axe-core finds no accessibility
 * violations. Same context configuration as {@link RolecallBrowserTests}, so Spring reuses its context.
 */
class RolecallPageQualityBrowserTests extends BrowserTestSupport {

    static final int MAX_PAGE_BYTES = 200_000;
    static final int MAX_DOM_NODES = 3_000;
    static final int PHONE_WIDTH = 390;

    @Autowired
    RoleRequestService requests;

    @Test
    void theRequestPageOfReadOnlyAccessWithPassRoleLeadsWithThePassRoleAndStaysLight() {
        RoleRequestView request = fileReadOnlyAccessWithPassRole();
        browser.signIn("bob");
        browser.open("/requests/" + request.id());
        awaitCards();

        long bytes = browser.number("return new Blob([document.documentElement.outerHTML]).size");
        long nodes = browser.number("var walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);"
                + " var n = 0; while (walker.nextNode()) { n++; } return n;");
        long height = browser.number("return document.documentElement.scrollHeight");
        System.out.printf(
                "Request page of ReadOnlyAccess + iam:PassRole on *: %d bytes of HTML, %d DOM nodes, %d px tall%n",
                bytes, nodes, height);
        assertThat(bytes).as("HTML bytes after htmx loaded the cards").isLessThanOrEqualTo(MAX_PAGE_BYTES);
        assertThat(nodes).as("DOM nodes after htmx loaded the cards").isLessThanOrEqualTo(MAX_DOM_NODES);
        for (String card : List.of("effective-permissions", "access-changes")) {
            List<WebElement> risky = browser.findAll(By.cssSelector("#" + card + " .concern-list li code"));
            assertThat(risky).as(card + " leads with").isNotEmpty();
            assertThat(risky.get(0).getText()).as(card + " leads with").isEqualTo("iam:PassRole");
        }

        // The full list arrives on demand and is filtered on the server as the reviewer types.
        browser.find(By.cssSelector("#effective-permissions .show-all a")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("access-filter-permissions")));
        browser.find(By.id("access-filter-permissions")).sendKeys("passrole");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("access-list-permissions-results"), "1–1 of 1 matching “passrole”"));
        assertThat(browser.findAll(By.cssSelector("#access-list-permissions-results tbody tr")))
                .singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("iam:PassRole", "Privilege escalation"));
    }

    @Test
    void noPageScrollsSidewaysAt390PxAndAxeFindsNoViolations() {
        RoleRequestView request = fileReadOnlyAccessWithPassRole();
        browser.resize(PHONE_WIDTH, 844);
        List<String> problems = new ArrayList<>();

        browser.open("/login");
        check("login", problems);
        browser.signIn("bob");
        for (String path : List.of("/requests", "/requests/new", "/inbox", "/requests/" + UUID.randomUUID())) {
            browser.open(path);
            check(path, problems);
        }
        browser.open("/requests/" + request.id());
        awaitCards();
        check("request page", problems);
        browser.find(By.cssSelector("#effective-permissions .show-all a")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("access-list-permissions-results")));
        check("request page with the full list", problems);
        browser.open("/requests/" + request.id() + "/permissions/all?q=iam");
        check("full list page", problems);
        browser.signOut();
        browser.signIn("carol");
        browser.open("/audit");
        check("/audit", problems);

        assertThat(problems)
                .as("pages wider than %d px, and axe-core violations", PHONE_WIDTH)
                .isEmpty();
    }

    @Test
    void daveCreatesAServiceAccountAndATokenAndSeesTheSecretOnce() {
        String name = "deploy-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> problems = new ArrayList<>();
        browser.signIn("alice");
        assertThat(browser.findAll(By.linkText("Service accounts"))).isEmpty();
        browser.open("/admin/service-accounts");
        assertThat(browser.text()).doesNotContain("New service account");
        browser.signOut();

        browser.signIn("dave");
        browser.find(By.linkText("Service accounts")).click();
        check("/admin/service-accounts", problems);
        browser.type("name", name);
        browser.type("description", "Deploys the payments service");
        browser.find(By.cssSelector("input[name=roles][value=REVIEWER]")).click();
        browser.type("team", "payments");
        browser.type("owner", "alice");
        browser.find(By.cssSelector("form.card button[type=submit]")).click();
        browser.until(driver -> browser.path().equals("/admin/service-accounts/" + name + "/tokens"));
        assertThat(browser.text()).contains("Service account " + name + " created", "Create a token for it below");
        check("service account tokens", problems);

        browser.type("name", "deploys");
        browser.find(By.cssSelector("input[name=scopes][value='decisions:write']"))
                .click();
        browser.find(By.cssSelector("form.card button[type=submit]")).click();
        String secret = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")))
                .getText();
        assertThat(secret).matches("rc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
        assertThat(browser.text()).contains("Copy it now");
        check("service account tokens with a new token", problems);

        browser.open("/admin/service-accounts/" + name + "/tokens");
        assertThat(browser.text()).contains("deploys", "decisions:write").doesNotContain(secret);
        assertThat(browser.findAll(By.id("new-token"))).isEmpty();
        browser.find(By.cssSelector("td form button[type=submit]")).click();
        browser.until(driver -> browser.text().contains("revoked: it no longer works"));

        browser.open("/admin/service-accounts");
        // Other tests' service accounts share the database: disable this one, by its row.
        browser.find(By.xpath("//*[@id='service-accounts']//tr[td[contains(., '" + name
                        + "')]]//form//button[@type='submit']"))
                .click();
        browser.until(driver -> browser.text().contains(name + " disabled: its tokens no longer work"));
        assertThat(browser.find(By.id("service-accounts")).getText()).contains("disabled by dave");
        check("/admin/service-accounts with a disabled account", problems);

        assertThat(problems).as("axe-core violations").isEmpty();
    }

    /** Whether the page fits the window's width, and what axe-core finds wrong with it. */
    private void check(String page, List<String> problems) {
        String tooWide = browser.sidewaysScroll();
        if (!tooWide.isEmpty()) {
            problems.add(page + ": " + tooWide);
        }
        for (String violation : browser.axeViolations()) {
            problems.add(page + ": " + violation);
        }
    }

    private RoleRequestView fileReadOnlyAccessWithPassRole() {
        return PassRoleRequests.file(
                requests,
                "read-only-" + UUID.randomUUID().toString().substring(0, 8),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                "Reports across the account (PAY-12)");
    }

    private void awaitCards() {
        browser.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#effective-permissions .access-summary")));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-changes .access-summary")));
    }
}
