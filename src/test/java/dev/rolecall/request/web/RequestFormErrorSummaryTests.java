package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The list of problems above the request form names each field as its label does, not as a Java property. */
@UsesTestDatabase
@WebMvcTest(RoleRequestController.class)
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class RequestFormErrorSummaryTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    AccountRegistry accounts;

    @Test
    void theSummaryNamesFieldsInWords() throws Exception {
        given(requests.submit(any(), anyList(), any()))
                .willThrow(new RoleSpecInvalidException(List.of(
                        new FieldProblem("trustPolicy", "This is not valid JSON (line 1, column 2): broken"),
                        new FieldProblem("maxSessionDurationSeconds", "Must be between 3600 and 43200"))));
        mvc.perform(post("/requests")
                        .with(user("alice"))
                        .with(csrf())
                        .param("roleName", "deployer")
                        .param("trustPolicy", "{")
                        .param("inlinePolicies[0].name", "")
                        .param("inlinePolicies[0].document", "")
                        .param("maxSessionDurationSeconds", "3600"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Trust policy: This is not valid JSON")))
                .andExpect(content().string(containsString(">Maximum session: Must be between 3600 and 43200<")))
                .andExpect(content().string(not(containsString(">trustPolicy: "))))
                .andExpect(content().string(not(containsString(">maxSessionDurationSeconds: "))));
    }
}
