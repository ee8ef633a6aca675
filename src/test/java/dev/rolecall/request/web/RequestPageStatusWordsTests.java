package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
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

/** The review card names a request's status in words, as its pill does, never as the enum constant. */
@UsesTestDatabase
@WebMvcTest(RoleRequestController.class)
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class RequestPageStatusWordsTests {

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

    @Test
    void aReviewerReadsChangesRequestedInWords() throws Exception {
        given(requests.page(eq(RoleRequestControllerTests.ID), any()))
                .willReturn(RoleRequestControllerTests.page(
                        RoleRequestControllerTests.view(RoleRequestStatus.CHANGES_REQUESTED, "alice")));
        mvc.perform(get("/requests/" + RoleRequestControllerTests.ID)
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not waiting for a decision. Status: Changes requested.")))
                .andExpect(content().string(not(containsString("CHANGES_REQUESTED."))));
    }
}
