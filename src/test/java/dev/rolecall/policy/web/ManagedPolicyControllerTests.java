package dev.rolecall.policy.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.ManagedPolicyPicker;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

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
class ManagedPolicyControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void whileTypingTheFormGetsTheMatchesAsAFragmentWithRiskAndAccess() throws Exception {
        mvc.perform(get("/policies/managed")
                        .param("q", "administratoraccess")
                        .header("HX-Request", "true")
                        .with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"managed-policy-results\""),
                                containsString("<code>arn:aws:iam::aws:policy/AdministratorAccess</code>"),
                                containsString("data-add-arn=\"arn:aws:iam::aws:policy/AdministratorAccess\""),
                                containsString("risk-critical"),
                                not(containsString("<html")))));
    }

    @Test
    void withoutJavaScriptTheSearchIsAPageOfItsOwn() throws Exception {
        mvc.perform(get("/policies/managed").param("q", "s3 read").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Find an AWS managed policy</h1>"),
                                containsString("value=\"s3 read\""),
                                containsString("AmazonS3ReadOnlyAccess"),
                                not(containsString("data-add-arn")))));
    }

    @Test
    void sayWhenNothingMatchesAndEscapeWhatWasTyped() throws Exception {
        mvc.perform(get("/policies/managed")
                        .param("q", "<script>x</script>")
                        .header("HX-Request", "true")
                        .with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("No AWS managed policy’s name contains"),
                                not(containsString("<script>x</script>")))));
    }

    @Test
    void signedOutPeopleAreSentToSignIn() throws Exception {
        mvc.perform(get("/policies/managed").param("q", "s3"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }
}
