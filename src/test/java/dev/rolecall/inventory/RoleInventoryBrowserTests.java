package dev.rolecall.inventory;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.ERIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.test.BrowserTestSupport;
import dev.rolecall.test.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The inventory pages in real headless Chromium, as each persona: alice (payments) sees her team's
 * roles only, filters and pages them, and on her expiring role sees the countdown with Request a
 * change, Extend and Request deletion but no drift action; bob sees every role, checks drift now and,
 * once the live role was changed in AWS, sees the difference with Re-apply and Accept; carol (auditor)
 * reads the same pages with no action at all; dave (admin) also reaches Import and scans an account.
 * Every page has no serious or critical axe-core violation, and /roles and the role page fit a 390 px
 * phone without sideways scrolling.
 */
class RoleInventoryBrowserTests extends BrowserTestSupport {

    private static final String TEMP = "browser-inventory-temp";
    private static final String OTHER = "browser-inventory-other";
    private static final String PAGED = "browser-keyset-";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    RoleRequestService requests;

    @Autowired
    RoleInventory inventory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachPersonaSeesTheInventoryPagesAndOnlyTheActionsTheyMayTake() {
        Instant expiry = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        apply(InventorySpecs.spec(MOTO_ACCOUNT, TEMP, expiry), ALICE);
        apply(otherTeam(InventorySpecs.spec(MOTO_ACCOUNT, OTHER, null)), ERIN);
        await().atMost(PATIENCE).until(() -> stateOf(TEMP) == RoleState.EXPIRING && stateOf(OTHER) != null);
        pageOfRoles(51);

        alice(expiry);
        bob();
        carol();
        dave();
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors().stream().filter(error -> !refusedOnPurpose(error)))
                .as("JavaScript console errors")
                .isEmpty();
    }

    /** The two pages the journey opens to see them refused: alice's 404 and carol's 403. */
    private static boolean refusedOnPurpose(String error) {
        return error.contains("/roles/" + MOTO_ACCOUNT + "/" + OTHER + " - Failed to load resource: the server"
                        + " responded with a status of 404")
                || error.contains("/roles/import - Failed to load resource: the server responded with a status of 403");
    }

    private void alice(Instant expiry) {
        browser.signIn("alice");
        browser.open("/roles");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My team's roles");
        assertThat(names()).contains(TEMP).doesNotContain(OTHER);
        assertThat(browser.findAll(By.linkText("Import roles from an account"))).isEmpty();
        assertAccessible("/roles as alice");

        filter("state", "EXPIRING");
        assertThat(names()).containsExactly(TEMP);
        browser.open("/roles");
        filter("account", MOTO_ACCOUNT);
        assertThat(names()).contains(TEMP).noneMatch(name -> name.startsWith(PAGED));
        browser.open("/roles");
        String risk = String.valueOf(riskOf(TEMP));
        filter("risk", risk);
        assertThat(names()).contains(TEMP);
        browser.open("/roles");
        browser.type("q", "inventory-OTHER");
        load(browser.find(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.text()).contains("No roles match these filters.");

        // Keyset pages: 51 roles, 50 on the first page, the last one on the next.
        browser.open("/roles?q=" + PAGED);
        assertThat(names()).hasSize(50).first().isEqualTo(PAGED + "01");
        assertThat(browser.text()).contains("51 roles");
        load(browser.find(By.linkText("Next page")));
        assertThat(names()).containsExactly(PAGED + "51");
        load(browser.find(By.linkText("First page")));
        assertThat(names()).hasSize(50).first().isEqualTo(PAGED + "01");
        load(browser.find(By.linkText("Next page")));
        load(browser.find(By.linkText("Previous page")));
        assertThat(names()).hasSize(50).first().isEqualTo(PAGED + "01");
        assertThat(browser.findAll(By.linkText("Previous page"))).isEmpty();
        assertThat(browser.find(By.linkText("Next page")).getAttribute("href")).contains("after=");
        assertFitsAPhone("/roles?q=" + PAGED);

        // Expiring within 7 days: her temporary role, none of the roles without an expiry.
        browser.open("/roles");
        filter("within", "7");
        assertThat(names()).contains(TEMP).noneMatch(name -> name.startsWith(PAGED));
        assertThat(browser.find(By.id("expiry-window")).getText()).contains("soonest first");
        assertAccessible("/roles expiring within 7 days as alice");
        assertFitsAPhone("/roles?within=7");

        openRole(TEMP);
        assertThat(browser.find(By.cssSelector(".countdown")).getText()).startsWith("expires in 1 d");
        assertThat(browser.find(By.cssSelector("#summary .next")).getText()).contains("ask to extend it");
        assertThat(actions())
                .containsExactly("Request a change", "Extend expiry", "Request deletion", "Export as Terraform");
        assertThat(browser.find(By.linkText("Extend expiry")).getAttribute("href"))
                .contains("kind=CHANGE", "role=" + TEMP, "expiresAt=" + expiry.plus(RoleActions.EXTENSION));
        assertThat(browser.findAll(By.xpath("//button[text()='Check drift now']")))
                .isEmpty();
        assertThat(browser.find(By.id("findings-heading")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("effective-permissions")).getText()).containsIgnoringCase("s3");
        assertThat(browser.find(By.id("history")).getText()).contains("Request applied", "by alice");
        assertThat(browser.find(By.id("drift")).getText()).contains("Not compared with AWS yet.");
        assertThat(browser.find(By.id("terraform")).getText()).contains("Export as Terraform");
        assertAccessible("role page as alice");
        assertFitsAPhone(rolePath(TEMP));

        browser.open(rolePath(OTHER));
        assertThat(browser.text()).contains("Not found").doesNotContain(OTHER, "Request a change");
        browser.signOut();
    }

    private void bob() {
        browser.signIn("bob");
        followTheExpiringTile();
        browser.open("/roles");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Roles");
        assertThat(names()).contains(TEMP, OTHER);
        assertThat(browser.findAll(By.linkText("Import roles from an account"))).isEmpty();

        openRole(TEMP);
        assertThat(actions()).contains("Request a change", "Extend expiry", "Request deletion");
        clickButton("Check drift now");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Checked"));
        assertThat(browser.find(By.id("drift")).getText())
                .contains("The live role matched what Rolecall applied when it was last read.");

        try (IamClient iam = MotoServer.shared().iamClient()) {
            iam.updateRole(request -> request.roleName(TEMP).description("Changed in the console"));
        }
        clickButton("Check drift now");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "differs"));
        assertThat(browser.find(By.id("drift")).getText())
                .contains("Changed in the console", "Reads payment reports", "Re-apply the approved role")
                .contains("Accept the live role (change request)");
        assertAccessible("drifted role page as bob");
        browser.signOut();
    }

    /**
     * The dashboard's "Roles expiring this week" opens the role list filtered to the same moment, and
     * the list counts as many roles as the tile. The dashboard's figures may be up to 30 s old, so the
     * journey waits for the figures that know the temporary role applied above.
     */
    private void followTheExpiringTile() {
        List<String> tile = new ArrayList<>();
        browser.until(driver -> {
            tile.clear();
            browser.open("/dashboard");
            tile.add(browser.find(By.cssSelector("#tile-expiring .tile-value")).getText());
            load(browser.find(By.cssSelector("#tile-expiring a")));
            return names().contains(TEMP)
                    && browser.find(By.cssSelector("table.roles caption"))
                            .getText()
                            .equals(tile.get(0) + " roles");
        });
        assertThat(browser.driver().getCurrentUrl()).contains("/roles?expiresBefore=");
        assertThat(names()).doesNotContain(OTHER);
        assertThat(browser.find(By.id("expiry-window")).getText()).contains("soonest first");
        assertAccessible("/roles from the dashboard's expiring tile as bob");
        URI list = URI.create(browser.driver().getCurrentUrl());
        assertFitsAPhone(list.getRawPath() + "?" + list.getRawQuery());
    }

    private void carol() {
        browser.signIn("carol");
        browser.open("/roles");
        assertThat(names()).contains(TEMP, OTHER);
        assertThat(browser.findAll(By.linkText("Import roles from an account"))).isEmpty();

        openRole(TEMP);
        assertThat(actions()).containsExactly("Export as Terraform");
        assertThat(browser.find(By.id("drift")).getText())
                .contains("A reviewer re-applies the approved role")
                .doesNotContain("Check drift now", "Re-apply the approved role", "Accept the live role");
        assertThat(browser.find(By.cssSelector(".countdown")).getText()).startsWith("expires in");
        assertAccessible("role page as carol");

        browser.open("/roles/import");
        assertThat(browser.text()).contains("Not allowed").doesNotContain("Scan the account");
        browser.signOut();
    }

    private void dave() {
        browser.signIn("dave");
        browser.open("/roles");
        load(browser.find(By.linkText("Import roles from an account")));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Import roles from an account");
        new Select(browser.find(By.id("account"))).selectByValue(MOTO_ACCOUNT);
        load(browser.find(By.xpath("//button[text()='Scan the account']")));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".access-summary")));
        assertThat(browser.text()).contains(TEMP, "In the inventory");
        assertAccessible("import page as dave");

        openRole(OTHER);
        assertThat(actions()).contains("Request a change", "Request deletion").doesNotContain("Extend expiry");
        assertThat(browser.findAll(By.xpath("//button[text()='Check drift now']")))
                .hasSize(1);
        browser.signOut();
    }

    private void apply(RoleSpec spec, CurrentUser requester) {
        RoleRequestView filed = requests.submit(new SubmitRoleRequest(spec, "Payment reports", Map.of()), requester);
        requests.decide(filed.id(), null, DecisionType.APPROVE, "Scoped to the reports bucket", BOB);
        await().atMost(PATIENCE)
                .until(() -> requests.get(filed.id(), BOB), view -> view.status() == RoleRequestStatus.APPLIED);
    }

    /** The role of another team than alice's (erin's, security). */
    private static RoleSpec otherTeam(RoleSpec spec) {
        return new RoleSpec(
                spec.accountId(),
                spec.roleName(),
                spec.path(),
                "Reads the security findings",
                spec.trustPolicy(),
                spec.managedPolicyArns(),
                spec.inlinePolicies(),
                spec.permissionsBoundaryArn(),
                spec.maxSessionDurationSeconds(),
                Map.of("team", "security"),
                spec.expiresAt());
    }

    /**
     * Roles of the payments team, recorded as if applied, in an account listed after the others: enough
     * for two pages, and the journey's own roles stay on the first page of the unfiltered list.
     */
    private void pageOfRoles(int count) {
        jdbc.update("""
                INSERT INTO managed_role (id, account_id, role_name, role_arn, owner_team, spec, state, created_at,
                                          updated_at)
                SELECT gen_random_uuid(), ?, ? || lpad(n::text, 2, '0'), NULL, 'payments', spec, 'ACTIVE', now(), now()
                FROM managed_role, generate_series(1, ?) AS n
                WHERE account_id = ? AND role_name = ?
                ON CONFLICT (account_id, role_name) DO NOTHING""", "999999999999", PAGED, count, MOTO_ACCOUNT, OTHER);
    }

    private RoleState stateOf(String name) {
        return inventory.list(RoleFilter.named(name), null, 5, BOB).items().stream()
                .filter(row -> row.roleName().equals(name))
                .map(ManagedRole.Row::state)
                .findFirst()
                .orElse(null);
    }

    private Object riskOf(String name) {
        return inventory.get(MOTO_ACCOUNT, name, BOB).role().risk();
    }

    private void filter(String field, String value) {
        new Select(browser.find(By.id(field))).selectByValue(value);
        load(browser.find(By.cssSelector("form.filters button[type=submit]")));
        browser.until(ExpectedConditions.urlContains(field + "=" + value));
        assertThat(browser.find(By.tagName("h1")).getText())
                .as("the filters left at Any are no filter: " + browser.path())
                .isEqualTo("My team's roles");
    }

    private List<String> names() {
        return browser.findAll(By.cssSelector("table.roles tbody th a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void openRole(String name) {
        browser.open("/roles");
        load(browser.find(By.linkText(name)));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
    }

    private static String rolePath(String name) {
        return "/roles/" + MOTO_ACCOUNT + "/" + name;
    }

    /** The action links and buttons of the role's summary. */
    private List<String> actions() {
        return browser.findAll(By.cssSelector("#summary .actions a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void clickButton(String text) {
        load(browser.find(By.xpath("//button[text()='" + text + "']")));
    }

    /** Clicks a link or button that opens a page, and waits until the next page replaced this one. */
    private void load(WebElement control) {
        WebElement page = browser.find(By.tagName("html"));
        control.click();
        browser.until(ExpectedConditions.stalenessOf(page));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    }

    private void assertAccessible(String page) {
        assertThat(browser.axeViolations().stream()
                        .filter(violation -> violation.contains("(serious)") || violation.contains("(critical)")))
                .as("serious or critical axe-core violations on " + page)
                .isEmpty();
    }

    /** The page at 390 px wide: nothing makes the document scroll sideways. */
    private void assertFitsAPhone(String path) {
        browser.resize(390, 844);
        try {
            browser.open(path);
            assertThat(browser.sidewaysScroll()).as(path + " at 390 px").isEmpty();
        } finally {
            browser.resize(1280, 1600);
        }
    }
}
