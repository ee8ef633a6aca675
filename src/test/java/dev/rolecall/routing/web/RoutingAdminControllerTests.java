package dev.rolecall.routing.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.routing.RoutingTestSupport;
import dev.rolecall.test.DemoRouting;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The routing admin page with the demo configuration: what it shows, the tester, who may see it. */
@UsesTestDatabase
@DemoRouting
@WebMvcTest(RoutingAdminController.class)
@Import({SecuritySliceConfiguration.class, RoutingAdminControllerTests.Routing.class})
class RoutingAdminControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    @Import(RoutingTestSupport.class)
    static class Routing {

        @Bean
        AccountRegistry accounts() {
            return AccountRegistry.of(
                    new TargetAccount(
                            "111122223333",
                            "demo-sandbox",
                            "sandbox",
                            "us-east-1",
                            null,
                            null,
                            null,
                            ApplyMode.PLAN_ONLY),
                    new TargetAccount(
                            "444455556666",
                            "demo-payments-prod",
                            "prod",
                            "us-east-1",
                            null,
                            null,
                            null,
                            ApplyMode.PLAN_ONLY));
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anAdminSeesGroupsOwnersRulesAndTheDigest() throws Exception {
        mvc.perform(get("/admin/routing").with(user("dave").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<dt>security</dt>"),
                                containsString("<dd>bob</dd>"),
                                containsString("<dd>payments-owners</dd>"),
                                containsString("<td>sandbox-low-risk</td>"),
                                containsString("<td>account 111122223333 · risk LOW</td>"),
                                containsString("<td>approve on its own</td>"),
                                containsString("1 of security within 8h, escalating to security, then 1 of the"
                                        + " account&#39;s owners within 24h, escalating to security"),
                                containsString("id=\"routing-digest\""),
                                not(containsString("id=\"tested-route\"")))));
    }

    @Test
    void theTesterShowsTheRouteAndTheRuleThatGivesIt() throws Exception {
        mvc.perform(get("/admin/routing")
                        .param("account", "444455556666")
                        .param("risk", "HIGH")
                        .param("environment", "")
                        .with(user("dave").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<b id=\"tested-rule\">prod-security-then-owners</b>"),
                                containsString("<span>1 of security</span>"),
                                containsString("<span>1 of payments-owners</span>"))));
        mvc.perform(get("/admin/routing")
                        .param("account", "111122223333")
                        .param("risk", "LOW")
                        .with(user("dave").roles("ADMIN")))
                .andExpect(content()
                        .string(allOf(
                                containsString("<b id=\"tested-rule\">sandbox-low-risk</b>"),
                                containsString("Approved on its own"))));
        mvc.perform(get("/admin/routing")
                        .param("account", "111122223333")
                        .param("risk", "MEDIUM")
                        .with(user("dave").roles("ADMIN")))
                .andExpect(content().string(containsString("No rule matches: the default route.")));
    }

    @Test
    void aMistypedAccountIsAFieldErrorAndNoRoute() throws Exception {
        mvc.perform(get("/admin/routing")
                        .param("account", "4444")
                        .with(user("dave").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Use a 12-digit AWS account id."),
                                not(containsString("id=\"tested-route\"")))));
    }

    @Test
    void onlyAdminsSeeRouting() throws Exception {
        mvc.perform(get("/admin/routing").with(user("bob").roles("REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/routing").with(user("carol").roles("AUDITOR"))).andExpect(status().isForbidden());
    }
}
