package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.SubmitRoleRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
 * What only a browser shows about every page: the request page of a large role stays light and leads
 * with the risky line, no page scrolls sideways on a 390 px phone, and axe-core finds no accessibility
 * violations. Same context configuration as {@link RolecallBrowserTests}, so Spring reuses its context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RolecallPageQualityBrowserTests {

    static final int MAX_PAGE_BYTES = 200_000;
    static final int MAX_DOM_NODES = 3_000;
    static final int PHONE_WIDTH = 390;

    @LocalServerPort
    int port;

    @Autowired
    RoleRequestService requests;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        if (!Files.isExecutable(RolecallBrowserTests.CHROMIUM)
                || !Files.isExecutable(RolecallBrowserTests.CHROMEDRIVER)) {
            String missing = "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, "
                    + "/usr/bin/chromedriver); .ci/run installs them";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RolecallBrowserTests.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory("rolecall-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(RolecallBrowserTests.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theRequestPageOfReadOnlyAccessWithPassRoleLeadsWithThePassRoleAndStaysLight() {
        RoleRequestView request = fileReadOnlyAccessWithPassRole();
        signIn("bob");
        open("/requests/" + request.id());
        awaitCards();

        long bytes = number("return new Blob([document.documentElement.outerHTML]).size");
        long nodes = number("var walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);"
                + " var n = 0; while (walker.nextNode()) { n++; } return n;");
        long height = number("return document.documentElement.scrollHeight");
        System.out.printf(
                "Request page of ReadOnlyAccess + iam:PassRole on *: %d bytes of HTML, %d DOM nodes, %d px tall%n",
                bytes, nodes, height);
        assertThat(bytes).as("HTML bytes after htmx loaded the cards").isLessThanOrEqualTo(MAX_PAGE_BYTES);
        assertThat(nodes).as("DOM nodes after htmx loaded the cards").isLessThanOrEqualTo(MAX_DOM_NODES);
        for (String card : List.of("effective-permissions", "access-changes")) {
            List<WebElement> risky = browser.findElements(By.cssSelector("#" + card + " .concern-list li code"));
            assertThat(risky).as(card + " leads with").isNotEmpty();
            assertThat(risky.get(0).getText()).as(card + " leads with").isEqualTo("iam:PassRole");
        }

        // The full list arrives on demand and is filtered on the server as the reviewer types.
        browser.findElement(By.cssSelector("#effective-permissions .show-all a"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access-filter-permissions")));
        browser.findElement(By.id("access-filter-permissions")).sendKeys("passrole");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("access-list-permissions-results"), "1–1 of 1 matching “passrole”"));
        assertThat(browser.findElements(By.cssSelector("#access-list-permissions-results tbody tr")))
                .singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("iam:PassRole", "Privilege escalation"));
    }

    @Test
    void noPageScrollsSidewaysAt390PxAndAxeFindsNoViolations() throws IOException {
        RoleRequestView request = fileReadOnlyAccessWithPassRole();
        String axe = axeSource();
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
        List<String> problems = new ArrayList<>();

        open("/login");
        check("login", axe, problems);
        signIn("bob");
        for (String path : List.of("/requests", "/requests/new", "/inbox", "/requests/" + UUID.randomUUID())) {
            open(path);
            check(path, axe, problems);
        }
        open("/requests/" + request.id());
        awaitCards();
        check("request page", axe, problems);
        browser.findElement(By.cssSelector("#effective-permissions .show-all a"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("access-list-permissions-results")));
        check("request page with the full list", axe, problems);
        open("/requests/" + request.id() + "/permissions/all?q=iam");
        check("full list page", axe, problems);
        signOut();
        signIn("carol");
        open("/audit");
        check("/audit", axe, problems);

        assertThat(problems)
                .as("pages wider than %d px, and axe-core violations", PHONE_WIDTH)
                .isEmpty();
    }

    /** Whether the page fits the window's width, and what axe-core finds wrong with it. */
    private void check(String page, String axe, List<String> problems) {
        wait.until(driver -> "complete".equals(script("return document.readyState")));
        long scrollWidth = number("return document.documentElement.scrollWidth");
        long innerWidth = number("return window.innerWidth");
        if (scrollWidth > innerWidth) {
            problems.add(
                    page + ": " + scrollWidth + " px wide in a " + innerWidth + " px window; too wide: " + script("""
                            // The deepest elements whose hiding makes the page fit: what to fix.
                            var w = window.innerWidth, out = [];
                            document.querySelectorAll('body *').forEach(function (e) {
                              var before = e.style.display;
                              e.style.display = 'none';
                              var fits = document.documentElement.scrollWidth <= w;
                              e.style.display = before;
                              if (fits) {
                                out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);
                              }
                            });
                            out = out.slice(-4);
                            return out.join('; ');"""));
        }
        ((JavascriptExecutor) browser).executeScript(axe);
        Object violations = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (result) {
                  done(result.violations.map(function (v) {
                    return v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');
                  }));
                }).catch(function (e) { done(['axe failed: ' + e]); });""");
        for (Object violation : (List<?>) violations) {
            problems.add(page + ": " + violation);
        }
    }

    private RoleRequestView fileReadOnlyAccessWithPassRole() {
        JsonMapper json = JsonMapper.builder().build();
        RoleSpec spec = new RoleSpec(
                "111122223333",
                "read-only-" + UUID.randomUUID().toString().substring(0, 8),
                "/",
                "Reads everything, passes roles",
                json.readTree("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                         "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                Map.of("pass-roles", json.readTree("""
                                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole",
                                 "Resource":"*"}]}""")),
                null,
                3600,
                Map.of(),
                null);
        return requests.submit(
                new SubmitRoleRequest(spec, "Reports across the account (PAY-12)"),
                new CurrentUser("alice", "payments", Set.of(Role.REQUESTER)));
    }

    private void awaitCards() {
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#effective-permissions .access-summary")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-changes .access-summary")));
    }

    private static String axeSource() throws IOException {
        try (InputStream in = RolecallPageQualityBrowserTests.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void signIn(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private long number(String script) {
        return ((Number) script(script)).longValue();
    }
}
