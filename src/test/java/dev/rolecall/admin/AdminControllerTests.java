package dev.rolecall.admin;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.inventory.DriftSchedule;
import dev.rolecall.provisioning.AccessCheckResult;
import dev.rolecall.provisioning.AccountAccessService;
import dev.rolecall.test.UsesTestDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The admin pages with the real security rules and demo users; Test access itself is mocked. */
@UsesTestDatabase
@WebMvcTest(AdminController.class)
@Import({SecuritySliceConfiguration.class, AdminControllerTests.Accounts.class})
class AdminControllerTests {

    static final String APPLYING = "444455556666";
    static final String EXTERNAL_ID = "rolecall-3f9a7c1e5b2d";
    static final Instant CHECKED = Instant.parse("2026-12-02T06:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {
        @Bean
        AccountRegistry accountRegistry() {
            return AccountRegistry.of(
                    new TargetAccount(
                            APPLYING,
                            "payments-dev",
                            "dev",
                            "eu-west-1",
                            URI.create("http://127.0.0.1:5000"),
                            "arn:aws:iam::444455556666:role/rolecall-provisioner",
                            EXTERNAL_ID,
                            ApplyMode.APPLY,
                            4096,
                            20,
                            true,
                            Duration.ofMinutes(15)),
                    new TargetAccount(
                            "111122223333",
                            "demo-sandbox",
                            "sandbox",
                            "us-east-1",
                            null,
                            null,
                            null,
                            ApplyMode.PLAN_ONLY));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountAccessService access;

    @MockitoBean
    DriftSchedule drift;

    @Test
    void anAdminSeesEveryAccountWithItsSettingsAndTheExternalIdMasked() throws Exception {
        given(drift.intervalOf(any())).willReturn(Duration.ofMinutes(15));
        mvc.perform(get("/admin/accounts").with(user("dave").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Accounts</h1>"),
                                containsString("payments-dev"),
                                containsString("demo-sandbox"),
                                containsString("eu-west-1"),
                                containsString("arn:aws:iam::444455556666:role/rolecall-provisioner"),
                                containsString("••••••••5b2d"),
                                not(containsString(EXTERNAL_ID)),
                                not(containsString("3f9a7c1e")),
                                containsString("Required on every role"),
                                containsString("Trust policy 4,096 characters; 20 managed policies per role"),
                                containsString("plan only — sends nothing"),
                                containsString("applies changes"),
                                containsString("<dt>Provisioner role</dt>"),
                                containsString("<dt>Drift scan</dt>"),
                                containsString("Every 15m (rolecall.accounts[n].drift-interval)"),
                                containsString("Never: a plan-only account is not read"),
                                containsString("action=\"/admin/accounts/444455556666/test-access\""),
                                containsString("name=\"_csrf\""),
                                containsString("href=\"/admin/accounts\""),
                                containsString("href=\"/admin/people\""))));
    }

    @Test
    void anAccountWithoutADriftIntervalOfItsOwnShowsTheDefault() throws Exception {
        given(drift.intervalOf(any())).willReturn(Duration.ofHours(1));
        given(drift.usesDefault(any())).willReturn(true);

        mvc.perform(get("/admin/accounts").with(user("dave").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Every 1h (the default, rolecall.inventory.drift-interval)")));
    }

    @Test
    void nobodyButAnAdminReachesTheAdminPages() throws Exception {
        for (String role : new String[] {"REQUESTER", "REVIEWER", "AUDITOR"}) {
            mvc.perform(get("/admin/accounts").with(user("bob").roles(role))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/accounts/" + APPLYING + "/test-access")
                            .with(user("bob").roles(role))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/accounts")).andExpect(status().is3xxRedirection());
        verify(access, never()).testAccess(anyString(), any());
    }

    @Test
    void testAccessNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/admin/accounts/" + APPLYING + "/test-access")
                        .with(user("dave").roles("ADMIN")))
                .andExpect(status().isForbidden());
        verify(access, never()).testAccess(anyString(), any());
    }

    @Test
    void testAccessShowsTheResultInWordsOnTheAccountsPage() throws Exception {
        AccessCheckResult reached = new AccessCheckResult(
                APPLYING,
                AccessCheckResult.Outcome.REACHED,
                "arn:aws:sts::444455556666:assumed-role/rolecall-provisioner/rolecall-check-dave",
                null,
                null,
                null,
                CHECKED);
        given(access.testAccess(eq(APPLYING), any(CurrentUser.class))).willReturn(Optional.of(reached));

        mvc.perform(post("/admin/accounts/" + APPLYING + "/test-access")
                        .with(user("dave").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/accounts#account-" + APPLYING))
                .andExpect(flash().attribute("accessCheck", reached));
        mvc.perform(get("/admin/accounts").with(user("dave").roles("ADMIN")).flashAttr("accessCheck", reached))
                .andExpect(content()
                        .string(containsString("Rolecall reached account 444455556666 as "
                                + "arn:aws:sts::444455556666:assumed-role/rolecall-provisioner/rolecall-check-dave; "
                                + "listing roles works.")))
                .andExpect(content().string(containsString("Checked at 2026-12-02T06:00:00Z.")));
    }

    @Test
    void aRefusalShowsTheAwsCodeAndMessageAndWhatToDoNext() throws Exception {
        AccessCheckResult refused = new AccessCheckResult(
                APPLYING,
                AccessCheckResult.Outcome.REFUSED,
                null,
                "GetCallerIdentity",
                "AccessDenied",
                "User is not authorized to perform: sts:AssumeRole <on> the role",
                CHECKED);
        mvc.perform(get("/admin/accounts").with(user("dave").roles("ADMIN")).flashAttr("accessCheck", refused))
                .andExpect(content()
                        .string(allOf(
                                containsString("Rolecall could not get into account 444455556666: AWS refused "
                                        + "GetCallerIdentity with AccessDenied: User is not authorized to perform: "
                                        + "sts:AssumeRole &lt;on&gt; the role"),
                                containsString("Next: check the provisioner role&#39;s ARN"))));
    }

    @Test
    void testingAnAccountThatIsNotConfiguredIsNotFound() throws Exception {
        given(access.testAccess(eq("999999999999"), any(CurrentUser.class))).willReturn(Optional.empty());
        mvc.perform(post("/admin/accounts/999999999999/test-access")
                        .with(user("dave").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }
}
