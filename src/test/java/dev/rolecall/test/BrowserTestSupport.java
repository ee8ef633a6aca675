package dev.rolecall.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A browser test: the running Rolecall of {@link RunningRolecallTests} (one context for every such
 * class) and a fresh headless Chromium for each test.
 */
public abstract class BrowserTestSupport extends RunningRolecallTests {

    protected Browser browser;

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
}
