package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.Browser;
import dev.rolecall.test.SignsInWithTestProvider;
import dev.rolecall.test.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium: "Sign in with Test IdP" leads to the provider's own sign-in page and back,
 * landing as the role the person's groups map to; a person whose groups map to nothing reads that
 * they should ask their administrator.
 */
class SsoSignInBrowserTests extends SignsInWithTestProvider {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start(port);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void signInAtProvider(String person) {
        browser.open("/login");
        browser.find(By.id("sso-sign-in")).click();
        browser.until(ExpectedConditions.not(ExpectedConditions.urlContains(":" + port + "/")));
        browser.type("username", person);
        browser.type("password", TestIdentityProvider.PASSWORD);
        browser.find(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void anAdminSignsInThroughTheProviderAndSeesThePeoplePage() {
        browser.open("/login");
        assertThat(browser.find(By.id("sso-sign-in")).getText()).isEqualTo("Sign in with Test IdP");

        signInAtProvider("olivia");

        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
        assertThat(browser.find(By.cssSelector(".who")).getText()).isEqualTo("olivia");
        browser.find(By.linkText("People")).click();
        browser.until(ExpectedConditions.urlContains("/admin/people"));
        assertThat(browser.find(By.id("sso-people")).getText()).contains("olivia", "rolecall-admins, everyone");
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.axeViolations()).isEmpty();
    }

    @Test
    void signingOutGoesThroughTheProviderAndBackToTheSignInPage() {
        TestIdentityProvider.get().allowPostLogoutRedirect("http://127.0.0.1:" + port + "/login?signedOut");
        signInAtProvider("paul");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));

        browser.signOut();

        browser.until(ExpectedConditions.urlContains(":" + port + "/login?signedOut"));
        assertThat(browser.text()).contains("You are signed out.");
        // The provider's session ended too: choosing it again asks for a password there.
        browser.find(By.id("sso-sign-in")).click();
        browser.until(ExpectedConditions.not(ExpectedConditions.urlContains(":" + port + "/")));
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.findAll(By.id("password"))).hasSize(1);
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aRequesterLandsWithoutAdminOrReviewerLinks() {
        signInAtProvider("paul");

        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
        assertThat(browser.findAll(By.linkText("People"))).isEmpty();
        assertThat(browser.findAll(By.linkText("Inbox"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("header nav a")))
                .extracting(link -> link.getText())
                .containsExactly("Requests", "Request a role", "Roles", "API tokens");
    }

    @Test
    void aPersonWithNoMappedGroupIsToldToAskTheirAdministrator() {
        signInAtProvider("nora");

        browser.until(ExpectedConditions.urlContains("/login/refused"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("You have no access to Rolecall yet");
        assertThat(browser.text()).contains("Ask your administrator");
        assertThat(browser.findAll(By.cssSelector("form.signout"))).isEmpty();
        browser.collectConsoleErrors();
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.axeViolations()).isEmpty();
    }
}
