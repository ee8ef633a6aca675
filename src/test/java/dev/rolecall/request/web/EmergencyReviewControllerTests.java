package dev.rolecall.request.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.CommentRequiredException;
import dev.rolecall.test.UsesTestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The review after the fact of an emergency: confirm stays on the request, revoke opens the undo. */
@UsesTestDatabase
// The same slice as DecisionControllerTests, so that both share one application context.
@WebMvcTest({DecisionController.class, InboxController.class, EmergencyReviewController.class})
@Import(SecuritySliceConfiguration.class)
class EmergencyReviewControllerTests {

    private static final String PAGE = "/requests/" + RoleRequestViews.ID;
    private static final String PATH = PAGE + "/emergency-review";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    /** As in {@link DecisionControllerTests}, so both share one context. */
    @MockitoBean
    InboxService inbox;

    @Test
    void confirmingClosesTheReviewAndStaysOnTheRequest() throws Exception {
        given(requests.reviewEmergency(eq(RoleRequestViews.ID), eq(true), any(), any()))
                .willReturn(RoleRequestViews.alices(RoleRequestStatus.APPLIED, 1, RoleSpecs.valid()));

        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("outcome", "CONFIRM")
                        .param("version", "3"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("flash", "Emergency confirmed: its review after the fact is closed."));
    }

    @Test
    void revokingARoleTheEmergencyCreatedOpensItsDeleteRequest() throws Exception {
        given(requests.reviewEmergency(eq(RoleRequestViews.ID), eq(false), eq("Too broad"), any()))
                .willReturn(RoleRequestViews.alices(RoleRequestStatus.APPLIED, 1, RoleSpecs.valid("ci-deployer")));

        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("outcome", "REVOKE")
                        .param("comment", "Too broad"))
                .andExpect(
                        redirectedUrl("/requests/new?kind=DELETE&account=" + RoleSpecs.ACCOUNT + "&role=ci-deployer"));
    }

    @Test
    void revokingWithoutAReasonIsAnErrorOnTheComment() throws Exception {
        given(requests.reviewEmergency(any(), eq(false), any(), any())).willThrow(CommentRequiredException.toRevoke());

        mvc.perform(post(PATH).with(user("bob").roles("REVIEWER")).with(csrf()).param("outcome", "REVOKE"))
                .andExpect(redirectedUrl(PAGE + "#emergency-review"))
                .andExpect(flash().attribute(
                                "emergencyErrors",
                                Map.of(
                                        "comment",
                                        "Say why you revoke it: the requester and the audit trail read it.")));
    }

    @Test
    void theFilerIsRefusedOnTheServer() throws Exception {
        given(requests.reviewEmergency(any(), anyBoolean(), any(), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.OWN_REQUEST));

        mvc.perform(post(PATH).with(user("alice")).with(csrf()).param("outcome", "CONFIRM"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOutcomeTheFormNeverOffersIsABadRequest() throws Exception {
        mvc.perform(post(PATH).with(user("bob").roles("REVIEWER")).with(csrf()).param("outcome", "MAYBE"))
                .andExpect(status().isBadRequest());
        verify(requests, never()).reviewEmergency(any(), anyBoolean(), any(), any());
    }
}
