package dev.rolecall.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.SubmitRoleRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision panel in real headless Chromium: it stays in view while a reviewer reads a long
 * request on a wide screen and sits below the content on a phone; the IAM calls show before approval
 * and every one of them at once after it; a refused approval keeps the chosen verb and the comment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionPanelBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final CurrentUser ALICE = new CurrentUser("alice", "payments", Set.of(Role.REQUESTER));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RoleRequestService requests;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Browser tests need Debian's chromium and chromium-driver; .ci/run installs them";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--window-size=1280,700",
                "--user-data-dir=" + Files.createTempDirectory("rolecall-chromium"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A Lambda role that may pass any role (HIGH or CRITICAL), in the plan-only demo account. */
    private String passRoleRequest(String roleName) {
        RoleSpec spec = new RoleSpec(
                "111122223333",
                roleName,
                "/",
                null,
                JSON.readTree("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                         "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                List.of(),
                Map.of("pass", JSON.readTree("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""")),
                null,
                3600,
                Map.of(),
                null);
        RoleRequestView filed = requests.submit(new SubmitRoleRequest(spec, "Deploys functions"), ALICE);
        return "/requests/" + filed.id();
    }

    @Test
    void thePanelStaysInViewOnAWideScreenAndFollowsTheContentOnANarrowOne() {
        String page = passRoleRequest("browser-sticky-panel");
        signIn("bob");
        open(page);
        // The IAM calls are on the page before anyone approves.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("iam-calls"), "PutRolePolicy"));
        assertThat(browser.findElement(By.id("plan-summary")).getText()).contains("plan-only");

        WebElement panel = browser.findElement(By.cssSelector("aside.decision-panel"));
        long pageHeight = number("return document.documentElement.scrollHeight");
        long windowHeight = number("return window.innerHeight");
        assertThat(pageHeight).as("the request page is longer than the window").isGreaterThan(windowHeight + 400);
        script("window.scrollTo(0, document.documentElement.scrollHeight)");
        assertThat(number("return window.scrollY")).isGreaterThan(400);
        Map<?, ?> form = rect(browser.findElement(By.id("decision-form")));
        assertThat(((Number) form.get("top")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) form.get("bottom")).doubleValue()).isLessThanOrEqualTo(windowHeight);

        browser.manage().window().setSize(new Dimension(390, 800));
        wait.until(driver -> number("return window.innerWidth") <= 400);
        assertThat(script("return getComputedStyle(arguments[0]).position", panel))
                .isEqualTo("static");
        WebElement content = browser.findElement(By.cssSelector(".grid > div"));
        double contentBottom = ((Number) rect(content).get("bottom")).doubleValue();
        double panelTop = ((Number) rect(panel).get("top")).doubleValue();
        assertThat(panelTop).as("the panel starts below the request's content").isGreaterThanOrEqualTo(contentBottom);
    }

    @Test
    void aRefusedApprovalKeepsTheVerbAndTheCommentAndAnApprovalListsEveryCallAtOnce() {
        String page = passRoleRequest("browser-refused-approval");
        signIn("erin");
        open(page);
        browser.findElement(By.id("decision-approve")).click();
        browser.findElement(By.id("comment")).sendKeys("   ");
        browser.findElement(By.id("submit-decision")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-error")));
        assertThat(browser.findElement(By.id("comment-error")).getText())
                .contains("risk: add a comment that says why this access is acceptable");
        assertThat(browser.findElement(By.id("decision-approve")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("comment")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("In review");

        browser.findElement(By.id("comment")).sendKeys("Passes only the deploy role in practice");
        browser.findElement(By.id("submit-decision")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Approved"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("iam-calls")));
        assertThat(browser.findElements(By.cssSelector("#iam-calls li")))
                .extracting(WebElement::getText)
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).startsWith("CreateRole"))
                .anySatisfy(text -> assertThat(text).startsWith("PutRolePolicy"));
    }

    private void signIn(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private long number(String script) {
        return ((Number) script(script)).longValue();
    }

    private Map<?, ?> rect(WebElement element) {
        return (Map<?, ?>) script("return arguments[0].getBoundingClientRect().toJSON()", element);
    }
}
