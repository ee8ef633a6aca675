package dev.rolecall.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium pointed at the Rolecall under test, with the few verbs the browser tests
 * share: open a page, sign in and out as a demo user, type into a field, run a script, collect the
 * console's errors and run axe-core.
 *
 * <p>Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. Where they are
 * missing the calling test is skipped, except when the {@code CI} environment variable is set: then
 * it fails, so a CI machine never silently skips the browser tests.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path downloads;
    private final List<String> consoleErrors = new ArrayList<>();

    private Browser(ChromeDriver driver, String baseUrl, Path downloads) {
        this.driver = driver;
        // A page replaced while a condition reads it (a form that submits, a redirect) is read again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(StaleElementReferenceException.class);
        this.baseUrl = baseUrl;
        this.downloads = downloads;
    }

    /**
     * Starts Chromium at 1280×1600 for the server on this local port; downloads go to a fresh temporary
     * folder. Skips the test (fails it on CI) when Chromium or its driver is not installed.
     */
    public static Browser start(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, "
                    + "/usr/bin/chromedriver); .ci/run installs them";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Path downloads = Files.createTempDirectory("rolecall-downloads");
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
                    "--hide-scrollbars",
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
            return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WebDriver, for what the verbs here do not cover. */
    public WebDriver driver() {
        return driver;
    }

    /** Resizes the window, e.g. to a 390 px phone. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Opens a path of the server, e.g. {@code /requests/new}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in as a demo user (password {@code demo}) and waits for the page with the sign-out button. */
    public void signIn(String user) {
        open("/login");
        type("username", user);
        type("password", "demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
    }

    /** Signs out and waits for the sign-in page. */
    public void signOut() {
        driver.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** Replaces the text of the field with this id. */
    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** The first element this locator finds; throws when there is none. */
    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Every element this locator finds. */
    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits up to 30 s for the condition and returns what it returned. */
    public <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** The path of the current page, e.g. {@code /requests/…}. */
    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Runs a script in the page; {@code arguments[0]}… are the given arguments. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs a script in the page that returns a number. */
    public long number(String script, Object... arguments) {
        return ((Number) script(script, arguments)).longValue();
    }

    /**
     * Why the loaded page scrolls sideways in its window, or empty when it fits: the page's width
     * against the window's, and the deepest elements whose hiding makes the page fit (what to fix).
     */
    public String sidewaysScroll() {
        wait.until(driver -> "complete".equals(script("return document.readyState")));
        return (String) script("""
                var w = window.innerWidth;
                if (document.documentElement.scrollWidth <= w) {
                  return '';
                }
                var out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var before = e.style.display;
                  e.style.display = 'none';
                  var fits = document.documentElement.scrollWidth <= w;
                  e.style.display = before;
                  if (fits) {
                    out.push(e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                        + ' (' + Math.round(e.getBoundingClientRect().width) + ' px: '
                        + (e.textContent || '').trim().substring(0, 60) + ')');
                  }
                });
                return document.documentElement.scrollWidth + ' px wide in a ' + w + ' px window; too wide: '
                    + out.slice(-4).join('; ');""");
    }

    /** Adds the console's errors since the last call (CSP violations included) to {@link #consoleErrors()}. */
    public void collectConsoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    /** The console errors collected so far. */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /** The accessibility violations axe-core finds on the page, one line each: rule, impact, help, where. */
    public List<String> axeViolations() {
        script(AxeCore.SOURCE);
        Object violations = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (result) {
                  done(result.violations.map(function (v) {
                    return v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');
                  }));
                }).catch(function (e) { done(['axe failed: ' + e]); });""");
        return ((List<?>) violations).stream().map(String::valueOf).toList();
    }

    /** The first file with this ending to finish downloading, waiting up to 20 s. */
    public Path awaitDownload(String ending) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done =
                        files.filter(f -> f.toString().endsWith(ending)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + ending + " file downloaded within 20 s");
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** axe-core, vendored as a test resource, read once. */
    private static final class AxeCore {
        static final String SOURCE = read();

        private static String read() {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                assertThat(in).as("axe-core on the test classpath").isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
