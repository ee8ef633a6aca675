package dev.rolecall.request.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@UsesTestDatabase
@WebMvcTest(PolicyTemplateController.class)
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class PolicyTemplateControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    AccountRegistry accounts;

    @BeforeEach
    void accounts() {
        TargetAccount demo = new TargetAccount(
                RoleSpecs.ACCOUNT, "demo-sandbox", "sandbox", "us-east-1", null, null, null, ApplyMode.PLAN_ONLY);
        given(accounts.all()).willReturn(List.of(demo));
        given(accounts.find(RoleSpecs.ACCOUNT)).willReturn(Optional.of(demo));
    }

    private static MockHttpServletRequestBuilder addTemplate(String template) {
        return post("/requests")
                .with(user("alice"))
                .with(csrf())
                .param("accountId", RoleSpecs.ACCOUNT)
                .param("roleName", "invoice-reader")
                .param("inlinePolicies[0].name", "tpl-s3-read-1")
                .param("inlinePolicies[0].document", "{\"Version\": \"2012-10-17\", \"Statement\": []}")
                .param("addTemplate", template);
    }

    @Test
    void aFilledTemplateBecomesTheNextInlinePolicyAndNothingIsSubmitted() throws Exception {
        mvc.perform(addTemplate("s3-read")
                        .param("tpl.s3-read.bucket", "invoices")
                        .param("tpl.s3-read.prefix", "2024/"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("templateAdded", "tpl-s3-read-2"))
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"tpl-s3-read-2\""),
                                containsString("arn:aws:s3:::invoices/2024/*"),
                                containsString("From the template “Read a bucket or a prefix”."),
                                containsString("Edited: no longer the policy its template makes."),
                                containsString("value=\"invoice-reader\""))));
        verify(requests, never()).submit(any(), anyList(), any());
    }

    @Test
    void aValueThatDoesNotFitIsShownBesideItsFieldAndAddsNothing() throws Exception {
        mvc.perform(addTemplate("s3-read").param("tpl.s3-read.bucket", "*"))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("templateAdded"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"tpl-s3-read-bucket-error\""),
                                containsString("Bucket must look like invoices"),
                                containsString("aria-invalid=\"true\""),
                                containsString("value=\"*\""),
                                not(containsString("inlinePolicies[1].name")))));
    }

    @Test
    void anUnknownTemplateIsSaidSo() throws Exception {
        mvc.perform(addTemplate("no-such-template"))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("templateAdded"))
                .andExpect(model().attributeExists("templateErrors"));
    }

    @Test
    void withoutACsrfTokenNothingHappens() throws Exception {
        mvc.perform(post("/requests").with(user("alice")).param("addTemplate", "s3-read"))
                .andExpect(status().isForbidden());
    }
}
