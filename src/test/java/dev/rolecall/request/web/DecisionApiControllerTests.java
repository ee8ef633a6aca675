package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.CommentRequiredException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.StaleRequestException;
import dev.rolecall.test.UsesTestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@UsesTestDatabase
@WebMvcTest(DecisionApiController.class)
@Import(SecuritySliceConfiguration.class)
class DecisionApiControllerTests {

    static final RoleRequestId ID = new RoleRequestId(UUID.fromString("00000000-0000-0000-0000-000000000007"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    private static MockHttpServletRequestBuilder decide(String user, String body) {
        return post("/api/v1/role-requests/" + ID + "/decisions")
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    @Test
    void selfApprovalIs403WithTheReason() throws Exception {
        given(requests.decide(eq(ID), isNull(), eq(DecisionType.APPROVE), any(), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.OWN_REQUEST));
        mvc.perform(decide("bob", "{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("OWN_REQUEST"));
    }

    @Test
    void aNonReviewerIs403() throws Exception {
        given(requests.decide(eq(ID), isNull(), eq(DecisionType.APPROVE), any(), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_A_REVIEWER));
        mvc.perform(decide("frank", "{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("NOT_A_REVIEWER"));
    }

    @Test
    void aRequestNotAwaitingADecisionIs409() throws Exception {
        given(requests.decide(eq(ID), isNull(), eq(DecisionType.APPROVE), any(), any()))
                .willThrow(new IllegalTransitionException(RoleRequestStatus.APPLIED, "decide on"));
        mvc.perform(decide("bob", "{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("APPLIED"));
    }

    @Test
    void losingARaceIs409() throws Exception {
        given(requests.decide(eq(ID), isNull(), eq(DecisionType.APPROVE), any(), any()))
                .willThrow(new ObjectOptimisticLockingFailureException("RoleRequest", ID.value()));
        mvc.perform(decide("erin", "{\"decision\":\"APPROVE\"}")).andExpect(status().isConflict());
        given(requests.decide(eq(ID), eq(2L), eq(DecisionType.APPROVE), any(), any()))
                .willThrow(new StaleRequestException());
        mvc.perform(decide("erin", "{\"decision\":\"APPROVE\",\"version\":2}")).andExpect(status().isConflict());
    }

    @Test
    void aDecisionThatNeedsACommentIs400OnTheCommentFieldWithItsOwnMessage() throws Exception {
        given(requests.decide(eq(ID), isNull(), eq(DecisionType.APPROVE), isNull(), any()))
                .willThrow(new CommentRequiredException(DecisionType.APPROVE, RiskLevel.HIGH));
        mvc.perform(decide("bob", "{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("HIGH-risk")));
    }

    @Test
    void aMissingOrUnknownDecisionIs400AndReachesNoService() throws Exception {
        mvc.perform(decide("bob", "{\"comment\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        mvc.perform(decide("bob", "{\"decision\":\"MAYBE\"}")).andExpect(status().isBadRequest());
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }
}
