package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.PassRoleRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drafts and copies in real headless Chromium: alice saves an unfinished request as a draft, finds it
 * on the Drafts tab, finishes and files it, and copies the filed request into a new draft; on a 390 px
 * phone the request list, the Drafts tab, a draft, bob's inbox and a request page never scroll
 * sideways and bob reaches the decision from the top of the request page in one tap. axe-core finds
 * no serious or critical issue on any of these pages.
 */
class RequestDraftBrowserTests extends BrowserTestSupport {

    static final int PHONE_WIDTH = 390;

    @Autowired
    RoleRequestService requests;

    @Test
    void aliceSavesADraftReopensItFromTheDraftsTabFilesItAndCopiesTheRequest() {
        String name = "drafted-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> problems = new ArrayList<>();
        browser.signIn("alice");
        browser.open("/requests/new");
        new Select(browser.find(By.id("accountId"))).selectByValue(DEMO_ACCOUNT);
        browser.type("roleName", name);
        browser.find(By.id("save-draft")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/drafts/[0-9a-f-]{36}$"));
        assertThat(browser.text()).contains("Draft saved. Only you can see it");
        assertThat(browser.find(By.id("draft-note")).getText()).contains("only you can see it");
        axe("the saved draft", problems);

        browser.open("/requests");
        browser.find(By.id("tab-drafts")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/drafts$"));
        assertThat(browser.find(By.id("tab-drafts")).getText()).matches("Drafts \\(\\d+\\)");
        axe("the Drafts tab", problems);
        browser.find(By.linkText(name)).click();
        browser.until(ExpectedConditions.urlMatches("/requests/drafts/[0-9a-f-]{36}$"));
        assertThat(browser.find(By.id("roleName")).getAttribute("value")).isEqualTo(name);
        assertThat(browser.find(By.id("justification")).getAttribute("value")).isEmpty();

        browser.type("justification", "Reads the payments logs (PAY-9)");
        browser.find(By.id("submit-request")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/[0-9a-f-]{36}$"));
        assertThat(browser.text()).contains("Submitted for review");
        axe("the filed request", problems);

        browser.find(By.id("copy-request")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/drafts/[0-9a-f-]{36}$"));
        assertThat(browser.text()).contains("Copied into a new draft");
        assertThat(browser.find(By.id("roleName")).getAttribute("value")).isEqualTo(name + "-copy");
        assertThat(browser.find(By.id("justification")).getAttribute("value")).isEmpty();

        browser.open("/requests/drafts");
        assertThat(browser.find(By.id("drafts")).getText()).contains(name + "-copy");
        assertThat(browser.findAll(By.linkText(name))).isEmpty();
        assertThat(problems).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void atPhoneWidthNothingScrollsSidewaysAndTheDecisionIsOneTapFromTheTop() {
        RoleRequestView request = PassRoleRequests.file(
                requests, "phone-" + UUID.randomUUID().toString().substring(0, 8));
        browser.resize(PHONE_WIDTH, 844);
        List<String> problems = new ArrayList<>();
        browser.signIn("alice");
        browser.open("/requests/new");
        browser.type("roleName", "phone-draft");
        browser.find(By.id("save-draft")).click();
        browser.until(ExpectedConditions.urlMatches("/requests/drafts/[0-9a-f-]{36}$"));
        check("a draft", problems);
        for (String path : List.of("/requests", "/requests/drafts")) {
            browser.open(path);
            check(path, problems);
        }
        browser.signOut();

        browser.signIn("bob");
        browser.open("/inbox");
        check("/inbox", problems);
        browser.open("/requests/" + request.id());
        check("the request page", problems);
        long panelTop = top("decision-form");
        assertThat(panelTop)
                .as("the decision form starts below the first screen")
                .isGreaterThan(844);
        browser.find(By.id("jump-to-panel")).click();
        browser.until(driver -> top("decision-form") < browser.number("return window.innerHeight"));
        assertThat(top("decision-form")).isGreaterThanOrEqualTo(0);
        assertThat(browser.find(By.id("decision-approve")).isDisplayed()).isTrue();
        assertThat(problems)
                .as("pages wider than %d px, and serious or critical axe-core violations", PHONE_WIDTH)
                .isEmpty();
    }

    private long top(String id) {
        Map<?, ?> rect = (Map<?, ?>)
                browser.script("return arguments[0].getBoundingClientRect().toJSON()", browser.find(By.id(id)));
        return Math.round(((Number) rect.get("top")).doubleValue());
    }

    private void check(String page, List<String> problems) {
        String tooWide = browser.sidewaysScroll();
        if (!tooWide.isEmpty()) {
            problems.add(page + ": " + tooWide);
        }
        axe(page, problems);
    }

    private void axe(String page, List<String> problems) {
        browser.axeViolations().stream()
                .filter(violation -> violation.contains("(serious)") || violation.contains("(critical)"))
                .forEach(violation -> problems.add(page + ": " + violation));
    }
}
