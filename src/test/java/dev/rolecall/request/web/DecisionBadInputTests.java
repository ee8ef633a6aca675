package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Decisions and the inbox with input no page offers: a field-level 400 in words, nothing decided. */
@UsesTestDatabase
@WebMvcTest({DecisionController.class, DecisionApiController.class, InboxController.class})
@Import(SecuritySliceConfiguration.class)
class DecisionBadInputTests {

    private static final String PATH = "/requests/" + DecisionApiControllerTests.ID + "/decisions";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    InboxService inbox;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2147483647",
                "-1",
                "1764643200000000.",
                "x.3f2a6c1e-0000-4000-8000-000000000001",
                "5.1.3f2a6c1e-0000-4000-8000-000000000001.",
                "12.1.3f2a6c1e-0000-4000-8000-000000000001"
            })
    void anInboxPositionThatIsNoneIsA400InWords(String after) throws Exception {
        mvc.perform(get("/inbox").param("after", after).with(user("bob").roles("REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("after has a value that cannot be read")));
        verify(inbox, never()).page(any(), any(), any(), any(), any(), any(), anyInt());
    }

    @Test
    void aDecisionTheFormDoesNotOfferIsA400NamingTheChoicesWithoutJava() throws Exception {
        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "MAYBE")
                        .param("version", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("decision must be one of APPROVE, REJECT, REQUEST_CHANGES")))
                .andExpect(content().string(not(containsString("Failed to convert"))))
                .andExpect(content().string(not(containsString("dev.rolecall"))));
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }

    @Test
    void aVersionThatIsNotANumberIsA400InWords() throws Exception {
        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("version", "three"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("version must be a whole number")));
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }

    @Test
    void theApiNamesTheFieldOfAnUnknownDecision() throws Exception {
        mvc.perform(post("/api/v1/role-requests/" + DecisionApiControllerTests.ID + "/decisions")
                        .with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"))
                .andExpect(jsonPath("$.errors[0].message", containsString("must be one of APPROVE")));
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }

    @Test
    void theApiRefusesAPropertyItDoesNotKnow() throws Exception {
        mvc.perform(post("/api/v1/role-requests/" + DecisionApiControllerTests.ID + "/decisions")
                        .with(httpBasic("bob", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"comment\":\"no\",\"reason\":\"too broad\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("reason is not a field of this request; remove it"));
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }
}
