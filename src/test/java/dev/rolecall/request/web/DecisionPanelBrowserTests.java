package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestService;
import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.PassRoleRequests;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision panel in real headless Chromium: it stays in view while a reviewer reads a long
 * request on a wide screen and sits below the content on a phone; the IAM calls show before approval
 * and every one of them at once after it; a refused approval keeps the chosen verb and the comment.
 */
class DecisionPanelBrowserTests extends BrowserTestSupport {

    @Autowired
    RoleRequestService requests;

    /** A short window, so that the request page is longer than it. */
    @BeforeEach
    void shortWindow() {
        browser.resize(1280, 700);
    }

    /** A Lambda role that may pass any role (HIGH or CRITICAL), in the plan-only demo account. */
    private String passRoleRequest(String roleName) {
        return "/requests/" + PassRoleRequests.file(requests, roleName).id();
    }

    @Test
    void thePanelStaysInViewOnAWideScreenAndFollowsTheContentOnANarrowOne() {
        String page = passRoleRequest("browser-sticky-panel");
        browser.signIn("bob");
        browser.open(page);
        // The IAM calls are on the page before anyone approves.
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iam-calls"), "PutRolePolicy"));
        assertThat(browser.find(By.id("plan-summary")).getText()).contains("plan-only");

        WebElement panel = browser.find(By.cssSelector("aside.decision-panel"));
        long pageHeight = browser.number("return document.documentElement.scrollHeight");
        long windowHeight = browser.number("return window.innerHeight");
        assertThat(pageHeight).as("the request page is longer than the window").isGreaterThan(windowHeight + 400);
        browser.script("window.scrollTo(0, document.documentElement.scrollHeight)");
        assertThat(browser.number("return window.scrollY")).isGreaterThan(400);
        Map<?, ?> form = rect(browser.find(By.id("decision-form")));
        assertThat(((Number) form.get("top")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) form.get("bottom")).doubleValue()).isLessThanOrEqualTo(windowHeight);

        browser.resize(390, 800);
        browser.until(driver -> browser.number("return window.innerWidth") <= 400);
        assertThat(browser.script("return getComputedStyle(arguments[0]).position", panel))
                .isEqualTo("static");
        WebElement content = browser.find(By.cssSelector(".grid > div"));
        double contentBottom = ((Number) rect(content).get("bottom")).doubleValue();
        double panelTop = ((Number) rect(panel).get("top")).doubleValue();
        assertThat(panelTop).as("the panel starts below the request's content").isGreaterThanOrEqualTo(contentBottom);
    }

    @Test
    void aRefusedApprovalKeepsTheVerbAndTheCommentAndAnApprovalListsEveryCallAtOnce() {
        String page = passRoleRequest("browser-refused-approval");
        browser.signIn("erin");
        browser.open(page);
        browser.until(ExpectedConditions.elementToBeClickable(By.id("decision-approve")));
        browser.find(By.id("decision-approve")).click();
        browser.find(By.id("comment")).sendKeys("   ");
        browser.find(By.id("submit-decision")).click();

        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-error")));
        assertThat(browser.find(By.id("comment-error")).getText())
                .contains("risk: add a comment that says why this access is acceptable");
        assertThat(browser.find(By.id("decision-approve")).isSelected()).isTrue();
        assertThat(browser.find(By.id("comment")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("In review");

        browser.find(By.id("comment")).sendKeys("Passes only the deploy role in practice");
        browser.find(By.id("submit-decision")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Approved"));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("iam-calls")));
        assertThat(browser.findAll(By.cssSelector("#iam-calls li")))
                .extracting(WebElement::getText)
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).startsWith("CreateRole"))
                .anySatisfy(text -> assertThat(text).startsWith("PutRolePolicy"));
    }

    private Map<?, ?> rect(WebElement element) {
        return (Map<?, ?>) browser.script("return arguments[0].getBoundingClientRect().toJSON()", element);
    }
}
