package dev.rolecall.policy.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.CustomerManagedPolicies;
import dev.rolecall.policy.ManagedPolicyPicker;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The picker's fragment with an account's customer-managed policies: the account the form sends,
 * each policy's risk from its document and its Add button, or one line on why none are listed. The
 * listing itself is read from AWS in {@code CustomerManagedPoliciesIntegrationTests}.
 */
@UsesTestDatabase
@WebMvcTest(ManagedPolicyController.class)
@Import({
    SecuritySliceConfiguration.class,
    ManagedPolicyPicker.class,
    PolicyAnalysisService.class,
    RolePermissionsService.class,
    PolicyFixtures.Beans.class,
    CustomerManagedPolicyPickerControllerTests.Accounts.class
})
class CustomerManagedPolicyPickerControllerTests {

    private static final String READABLE = "111122223333";
    private static final String PLAN_ONLY = "444455556666";
    private static final String EVERYTHING_ARN = "arn:aws:iam::111122223333:policy/payments/payments-admin";

    @Autowired
    MockMvc mvc;

    @Test
    void theFormsAccountAddsItsOwnPoliciesWithRiskAndAdd() throws Exception {
        mvc.perform(get("/policies/managed")
                        .param("q", "payments admin")
                        .param("accountId", READABLE)
                        .header("HX-Request", "true")
                        .with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<strong>payments-admin</strong>"),
                                containsString("customer managed"),
                                containsString("<code>" + EVERYTHING_ARN + "</code>"),
                                containsString("data-add-arn=\"" + EVERYTHING_ARN + "\""),
                                containsString("risk-critical"),
                                not(containsString("customer-unavailable")),
                                not(containsString("<html")))));
    }

    @Test
    void aPlanOnlyAccountSaysWhyAndTheAwsManagedResultsStillShow() throws Exception {
        mvc.perform(get("/policies/managed")
                        .param("q", "administratoraccess")
                        .param("accountId", PLAN_ONLY)
                        .header("HX-Request", "true")
                        .with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-add-arn=\"arn:aws:iam::aws:policy/AdministratorAccess\""),
                                containsString("customer-unavailable"),
                                containsString("is plan-only"),
                                not(containsString("customer managed")))));
    }

    @Test
    void withoutJavaScriptThePageHasAnAccountFieldAndListsTheAccountsPolicies() throws Exception {
        mvc.perform(get("/policies/managed")
                        .param("q", "payments")
                        .param("accountId", READABLE)
                        .with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"accountId\""),
                                containsString("value=\"" + READABLE + "\""),
                                containsString("<code>" + EVERYTHING_ARN + "</code>"),
                                not(containsString("data-add-arn")))));
    }

    @Test
    void withoutAnAccountNothingIsSaidAboutCustomerManagedPolicies() throws Exception {
        mvc.perform(get("/policies/managed")
                        .param("q", "payments")
                        .header("HX-Request", "true")
                        .with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("customer managed")), not(containsString("customer-unavailable")))));
    }

    /** Two accounts: one whose policies can be read, one that is plan-only. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {

        @Bean
        CustomerManagedPolicies customerManagedPolicies() {
            return new CustomerManagedPolicies() {
                @Override
                public Listing list(String accountId) {
                    return READABLE.equals(accountId)
                            ? Listing.of(List.of(new CustomerPolicy("payments-admin", EVERYTHING_ARN, "v2")))
                            : Listing.unavailable("Account sandbox (" + accountId + ") is plan-only.");
                }

                @Override
                public Optional<String> defaultDocument(String accountId, CustomerPolicy policy) {
                    return Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
                }
            };
        }
    }
}
