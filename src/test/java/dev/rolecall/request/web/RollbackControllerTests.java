package dev.rolecall.request.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Roll back from the page and the API: the service decides who may, the controller only asks. */
@UsesTestDatabase
@WebMvcTest(RollbackController.class)
@Import(SecuritySliceConfiguration.class)
class RollbackControllerTests {

    private static final RoleRequestId ID = RoleRequestControllerTests.ID;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @Test
    void theApiAnswers202WithTheRequestRollingBack() throws Exception {
        given(requests.rollBack(eq(ID), eq(null), any()))
                .willReturn(RoleRequestControllerTests.view(RoleRequestStatus.ROLLING_BACK, "alice"));

        mvc.perform(post("/api/v1/role-requests/" + ID + "/rollback").with(httpBasic("alice", "demo")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("ROLLING_BACK"));
    }

    @Test
    void theApiRefusesSomeoneWhoMayNotRollBackWith403() throws Exception {
        given(requests.rollBack(eq(ID), eq(null), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.CANNOT_ROLL_BACK));

        mvc.perform(post("/api/v1/role-requests/" + ID + "/rollback").with(httpBasic("carol", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiAnswers409WhenTheRequestHasNotFailed() throws Exception {
        given(requests.rollBack(eq(ID), eq(null), any()))
                .willThrow(new IllegalTransitionException(RoleRequestStatus.APPLIED, "roll back"));

        mvc.perform(post("/api/v1/role-requests/" + ID + "/rollback").with(httpBasic("alice", "demo")))
                .andExpect(status().isConflict());
    }

    @Test
    void theFormRollsBackTheVersionReadAndReturnsToTheRequest() throws Exception {
        given(requests.rollBack(eq(ID), eq(4L), any()))
                .willReturn(RoleRequestControllerTests.view(RoleRequestStatus.ROLLING_BACK, "alice"));

        mvc.perform(post("/requests/" + ID + "/rollback")
                        .param("version", "4")
                        .with(user("alice"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/requests/" + ID));
        verify(requests).rollBack(eq(ID), eq(4L), any());
    }

    @Test
    void theFormWithoutACsrfTokenIsRefusedAndNothingIsRolledBack() throws Exception {
        mvc.perform(post("/requests/" + ID + "/rollback").with(user("alice"))).andExpect(status().isForbidden());
        verify(requests, never()).rollBack(any(), any(), any());
    }
}
