package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rolecall.test.MotoServer;
import dev.rolecall.test.UsesMoto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journey through the pages in real headless Chromium, against a real IAM emulator: alice fills
 * in and submits the form, bob asks for changes, alice reads his comment and revises, bob sees what
 * changed since revision 1 and approves, Rolecall applies the role to moto, carol downloads the
 * audit CSV. No page may log a JavaScript error (CSP violations included). The plan-only account is
 * followed through the API in {@code RolecallJourneyIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesMoto
class RolecallBrowserTests {

    @DynamicPropertySource
    static void applyAccount(DynamicPropertyRegistry registry) {
        registry.add("rolecall.accounts[0].id", () -> "111122223333");
        registry.add("rolecall.accounts[0].name", () -> "demo-sandbox");
        registry.add("rolecall.accounts[0].mode", () -> "PLAN_ONLY");
        registry.add("rolecall.accounts[1].id", () -> RolecallJourneyIntegrationTests.MOTO_ACCOUNT);
        registry.add("rolecall.accounts[1].name", () -> "payments-dev");
        registry.add("rolecall.accounts[1].environment", () -> "dev");
        registry.add(
                "rolecall.accounts[1].endpoint",
                () -> MotoServer.shared().endpoint().toString());
        registry.add("rolecall.accounts[1].mode", () -> "APPLY");
    }

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;
    Path downloads;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, "
                    + "/usr/bin/chromedriver); .ci/run installs them";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        downloads = Files.createTempDirectory("rolecall-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory("rolecall-chromium"));
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void requestChangesReviseApproveApplyAndExportThroughThePages() throws Exception {
        signIn("alice");
        open("/requests/new");
        new Select(browser.findElement(By.id("accountId"))).selectByValue(RolecallJourneyIntegrationTests.MOTO_ACCOUNT);
        type("roleName", "browser-built-role");
        type("description", "Built in the browser");
        type("justification", "Reads the invoices bucket for reports (PAY-9)");
        type("inlinePolicies-0-name", "read-invoices");
        type("inlinePolicies-0-document", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::company-invoices/*"}]}""");
        type("tags-0-key", "team");
        type("tags-0-value", "payments");
        // htmx refreshes the analysis as the person types; this policy reads one bucket only.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-findings"), "Catalog"));
        assertThat(browser.findElement(By.id("live-findings")).getText())
                .contains("Findings")
                .doesNotContain("problem(s) stop submission");
        browser.findElement(By.id("submit-request")).click();
        wait.until(ExpectedConditions.urlMatches("/requests/[0-9a-f-]{36}$"));
        String requestPath = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        String requestId = requestPath.substring("/requests/".length());
        assertThat(text()).contains("Submitted for review", "In review", "browser-built-role");
        assertThat(text()).contains("You can't approve: you filed this request");
        collectConsoleErrors();
        signOut();

        // bob asks for a cost-center tag.
        signIn("bob");
        wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.findElement(By.linkText("browser-built-role")).click();
        wait.until(ExpectedConditions.urlContains(requestPath));
        assertThat(browser.findElements(By.id("revise"))).isEmpty();
        browser.findElement(By.id("decision-changes")).click();
        type("comment", "Add a cost-center tag, please");
        browser.findElement(By.id("submit-decision")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Changes requested"));
        assertThat(browser.findElement(By.id("next-step-text")).getText())
                .isEqualTo("Changes requested: waiting for alice to revise or withdraw it.");
        collectConsoleErrors();
        signOut();

        // alice reads the comment, revises with the tag, and review starts again.
        signIn("alice");
        open(requestPath);
        assertThat(text()).contains("Add a cost-center tag, please");
        browser.findElement(By.id("revise")).click();
        wait.until(ExpectedConditions.urlContains(requestPath + "/revise"));
        assertThat(browser.findElement(By.id("review-comments")).getText())
                .contains("bob", "requested changes", "Add a cost-center tag, please");
        assertThat(browser.findElement(By.id("tags-0-key")).getAttribute("value"))
                .isEqualTo("team");
        assertThat(browser.findElement(By.id("inlinePolicies-0-document")).getAttribute("value"))
                .contains("company-invoices");
        type("tags-1-key", "cost-center");
        type("tags-1-value", "42");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-findings"), "Catalog"));
        browser.findElement(By.id("submit-request")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Revision 2 submitted"));
        assertThat(browser.getCurrentUrl()).endsWith(requestPath);
        assertThat(text()).contains("In review", "revision 2");
        collectConsoleErrors();
        signOut();

        // bob sees what changed since revision 1, checks the access, and approves.
        signIn("bob");
        wait.until(ExpectedConditions.urlContains("/inbox"));
        browser.findElement(By.linkText("browser-built-role")).click();
        wait.until(ExpectedConditions.urlContains(requestPath));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("revision-changes"), "Changes since revision 1"));
        assertThat(browser.findElement(By.id("revision-changes")).getText())
                .contains("+ added cost-center=42", "Revision 2 started review again")
                .contains("Newly allowed: nothing.");
        // The picker compares any two revisions in place.
        new Select(browser.findElement(By.id("revision-from"))).selectByValue("2");
        browser.findElement(By.id("compare-revisions")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("revision-changes"), "These two revisions ask for the same role"));
        // The analysis sections load through htmx; "can this role …?" answers in place.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("effective-permissions"), "arn:aws:s3:::company-invoices/*"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-changes h2")));
        type("can-do-action", "s3:GetObject");
        type("can-do-resource", "arn:aws:s3:::company-invoices/2026/11.pdf");
        browser.findElement(By.cssSelector("#can-do button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("can-do"), "ALLOWED by inline policy read-invoices"));
        type("can-do-resource", "arn:aws:s3:::payroll/2026/11.pdf");
        browser.findElement(By.cssSelector("#can-do button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("can-do"), "IMPLICITLY_DENIED"));
        browser.findElement(By.id("decision-approve")).click();
        type("comment", "Read-only on one bucket, tagged");
        browser.findElement(By.id("submit-decision")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Approved"));
        // htmx polls the apply progress until moto has the role.
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("role-arn")));
        } catch (org.openqa.selenium.TimeoutException e) {
            System.err.println("htmx poll did not show the applied role within 30 s; progress section was: "
                    + browser.findElement(By.id("progress")).getAttribute("outerHTML"));
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("role-arn")));
        }
        assertThat(browser.findElement(By.id("progress")).getText())
                .contains("arn:aws:iam::" + RolecallJourneyIntegrationTests.MOTO_ACCOUNT + ":role/browser-built-role")
                .contains("CreateRole", "PutRolePolicy");
        browser.navigate().refresh();
        assertThat(text()).contains("Applied");
        assertThat(browser.findElement(By.id("next-step-text")).getText())
                .isEqualTo("Applied: the role exists in AWS. Nothing left to do.");
        try (var iam = MotoServer.shared().iamClient()) {
            assertThat(iam.listRoleTags(r -> r.roleName("browser-built-role")).tags())
                    .anySatisfy(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("cost-center=42"));
        }
        collectConsoleErrors();
        signOut();

        signIn("carol");
        wait.until(ExpectedConditions.urlContains("/audit"));
        browser.findElement(By.cssSelector("a[href*='export.csv']")).click();
        Path csv = awaitDownload();
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(content).startsWith("event_id,occurred_at,actor,action,request_id,account_id,role_name,details");
        assertThat(content.lines().filter(line -> line.contains(requestId)))
                .anySatisfy(line -> assertThat(line).contains("alice", "request.submitted"))
                .anySatisfy(line -> assertThat(line).contains("bob", "request.changes_requested"))
                .anySatisfy(line -> assertThat(line).contains("bob", "request.approved"))
                .anySatisfy(line -> assertThat(line).contains("apply.applied"));
        assertThat(content.lines().filter(line -> line.contains(requestId) && line.contains("request.submitted")))
                .hasSize(2);
        collectConsoleErrors();

        assertThat(consoleErrors).as("JavaScript console errors").isEmpty();
    }

    private void signIn(String user) {
        open("/login");
        type("username", user);
        type("password", "demo");
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

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void collectConsoleErrors() {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    private Path awaitDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done =
                        files.filter(f -> f.toString().endsWith(".csv")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the CSV did not download within 20 s");
    }
}
