package dev.rolecall.request.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.CommentRequiredException;
import dev.rolecall.request.problems.NoEmergencyReviewException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The review after the fact over the API: the decision API's shape, statuses and error bodies. */
@UsesTestDatabase
@WebMvcTest(EmergencyReviewApiController.class)
@Import(SecuritySliceConfiguration.class)
class EmergencyReviewApiControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    private static MockHttpServletRequestBuilder review(String user, String body) {
        return post("/api/v1/role-requests/" + RoleRequestViews.ID + "/emergency-review")
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    @Test
    void confirmingAnswersWithTheRequest() throws Exception {
        given(requests.reviewEmergency(eq(RoleRequestViews.ID), eq(true), eq("Needed for INC-8"), any()))
                .willReturn(RoleRequestViews.alices(RoleRequestStatus.APPLYING, 1, RoleSpecs.valid()));

        mvc.perform(review("bob", "{\"decision\":\"CONFIRM\",\"comment\":\"Needed for INC-8\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(RoleRequestViews.ID.toString()))
                .andExpect(jsonPath("$.status").value("APPLYING"));
    }

    @Test
    void revokingWithoutAReasonIs400OnTheCommentField() throws Exception {
        given(requests.reviewEmergency(eq(RoleRequestViews.ID), eq(false), isNull(), any()))
                .willThrow(CommentRequiredException.toRevoke());

        mvc.perform(review("bob", "{\"decision\":\"REVOKE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("is required to revoke: say why, for the requester and the audit trail"));
    }

    @Test
    void theFilerAndReviewersTheStageDoesNotAdmitAre403WithTheReason() throws Exception {
        given(requests.reviewEmergency(any(), anyBoolean(), any(), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.OWN_REQUEST));
        mvc.perform(review("alice", "{\"decision\":\"CONFIRM\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("OWN_REQUEST"));

        willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_IN_WAITING_STAGE))
                .given(requests)
                .reviewEmergency(any(), anyBoolean(), any(), any());
        mvc.perform(review("erin", "{\"decision\":\"CONFIRM\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("NOT_IN_WAITING_STAGE"));
    }

    @Test
    void aRequestNotAwaitingAReviewAfterTheFactIs409SayingWhy() throws Exception {
        given(requests.reviewEmergency(any(), anyBoolean(), any(), any()))
                .willThrow(new NoEmergencyReviewException(RoleRequestStatus.APPLIED, null));
        mvc.perform(review("bob", "{\"decision\":\"CONFIRM\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("This request was not filed as an emergency: it has no review after the fact."))
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.emergencyReview").value("NONE"));

        willThrow(new NoEmergencyReviewException(RoleRequestStatus.APPLIED, "CONFIRMED"))
                .given(requests)
                .reviewEmergency(any(), anyBoolean(), any(), any());
        mvc.perform(review("bob", "{\"decision\":\"REVOKE\",\"comment\":\"late\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.emergencyReview").value("CONFIRMED"));
    }

    @Test
    void anUnknownRequestIs404() throws Exception {
        given(requests.reviewEmergency(any(), anyBoolean(), any(), any()))
                .willThrow(new RoleRequestNotFoundException(RoleRequestViews.ID));
        mvc.perform(review("bob", "{\"decision\":\"CONFIRM\"}")).andExpect(status().isNotFound());
    }

    @Test
    void aMissingOrUnknownDecisionOrAnUnknownFieldIs400AndReachesNoService() throws Exception {
        mvc.perform(review("bob", "{\"comment\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose CONFIRM or REVOKE"));
        mvc.perform(review("bob", "{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        mvc.perform(review("bob", "{\"decision\":\"REVOKE\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verify(requests, never()).reviewEmergency(any(), anyBoolean(), any(), any());
    }
}
