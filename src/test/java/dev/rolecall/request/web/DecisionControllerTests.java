package dev.rolecall.request.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestService.InboxTab;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestSummary;
import dev.rolecall.request.inbox.InboxChoices;
import dev.rolecall.request.inbox.InboxPage;
import dev.rolecall.request.inbox.InboxService;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.CommentRequiredException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.StaleRequestException;
import dev.rolecall.request.review.WaitingStage;
import dev.rolecall.test.UsesTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@UsesTestDatabase
@WebMvcTest({DecisionController.class, InboxController.class, EmergencyReviewController.class})
@Import(SecuritySliceConfiguration.class)
class DecisionControllerTests {

    private static final String PATH = "/requests/" + DecisionApiControllerTests.ID + "/decisions";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    @MockitoBean
    InboxService inbox;

    @BeforeEach
    void choices() {
        given(inbox.choices()).willReturn(new InboxChoices(List.of("111122223333"), List.of("sandbox"), List.of()));
        given(inbox.page(any(), any(), any(), any(), any(), any(), anyInt())).willReturn(InboxPage.empty());
    }

    @Test
    void requestersCannotOpenTheInbox() throws Exception {
        mvc.perform(get("/inbox").with(user("alice"))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox").with(user("carol").roles("AUDITOR"))).andExpect(status().isForbidden());
    }

    @Test
    void theInboxListsRequestsWaitingForTheReviewer() throws Exception {
        RoleRequestSummary waiting = new RoleRequestSummary(
                DecisionApiControllerTests.ID,
                RoleRequestStatus.IN_REVIEW,
                "alice",
                "payments",
                "111122223333",
                "ci-deployer",
                1,
                null,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                null);
        given(inbox.page(any(), eq(InboxTab.MY_GROUPS), any(), any(), any(), any(), anyInt()))
                .willReturn(new InboxPage(
                        List.of(waiting),
                        null,
                        null,
                        1L,
                        Map.of(
                                DecisionApiControllerTests.ID,
                                new WaitingStage(
                                        2,
                                        2,
                                        List.of("payments-owners"),
                                        2,
                                        1,
                                        Instant.parse("2026-11-29T10:00:00Z"),
                                        true))));
        mvc.perform(get("/inbox").with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ci-deployer")))
                .andExpect(content().string(containsString("In review")))
                .andExpect(content().string(containsString("Stage 2 of 2: 1 of payments-owners")))
                .andExpect(content().string(containsString("overdue")))
                .andExpect(content().string(containsString("id=\"tab-MY_GROUPS\"")))
                .andExpect(content().string(containsString("aria-current=\"page\"")));
    }

    @Test
    void anEmptyInboxSaysSo() throws Exception {
        mvc.perform(get("/inbox").with(user("erin").roles("REVIEWER")))
                .andExpect(content().string(containsString("Nothing needs your review.")));
    }

    @Test
    void anApprovalRedirectsToTheRequestWithAMessage() throws Exception {
        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("version", "3"))
                .andExpect(redirectedUrl("/requests/" + DecisionApiControllerTests.ID))
                .andExpect(
                        flash().attribute(
                                        "flash",
                                        "Approved. Rolecall applies the role now; for a plan-only account it records the IAM calls and sends nothing to AWS."));
        verify(requests).decide(eq(DecisionApiControllerTests.ID), eq(3L), eq(DecisionType.APPROVE), any(), any());
    }

    @Test
    void selfApprovalIsRefusedOnTheServerWhateverThePageShowed() throws Exception {
        given(requests.decide(eq(DecisionApiControllerTests.ID), eq(3L), eq(DecisionType.APPROVE), any(), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.OWN_REQUEST));
        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("version", "3"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You filed this request")));
    }

    @Test
    void aDecisionOnAnAppliedRequestNamesTheStateItIsIn() throws Exception {
        given(requests.decide(eq(DecisionApiControllerTests.ID), eq(3L), eq(DecisionType.REJECT), any(), any()))
                .willThrow(new IllegalTransitionException(RoleRequestStatus.APPLIED, "decide on"));
        mvc.perform(post(PATH)
                        .with(user("erin").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "REJECT")
                        .param("comment", "too broad")
                        .param("version", "3"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("can no longer be changed that way: it is APPLIED")));
    }

    @Test
    void aStaleDecisionExplainsThatSomeoneElseActed() throws Exception {
        given(requests.decide(eq(DecisionApiControllerTests.ID), eq(3L), eq(DecisionType.REJECT), any(), any()))
                .willThrow(new StaleRequestException());
        mvc.perform(post(PATH)
                        .with(user("erin").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "REJECT")
                        .param("comment", "too broad")
                        .param("version", "3"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone else acted on this request")));
    }

    @Test
    void aDecisionThatNeedsACommentGoesBackToThePanelWithTheFieldErrorAndTheChosenVerb() throws Exception {
        given(requests.decide(eq(DecisionApiControllerTests.ID), eq(3L), eq(DecisionType.APPROVE), any(), any()))
                .willThrow(new CommentRequiredException(DecisionType.APPROVE, RiskLevel.CRITICAL));
        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("comment", " ")
                        .param("version", "3"))
                .andExpect(redirectedUrl("/requests/" + DecisionApiControllerTests.ID + "#review"))
                .andExpect(flash().attribute(
                                "decisionErrors",
                                Map.of(
                                        "comment",
                                        "This request is CRITICAL risk: add a comment that says why this access is "
                                                + "acceptable before you approve it.")))
                .andExpect(flash().attribute("decisionChosen", "APPROVE"))
                .andExpect(flash().attribute("flash", nullValue()));
    }

    @Test
    void rejectingWithoutACommentSaysWhatTheRequesterNeeds() throws Exception {
        given(requests.decide(eq(DecisionApiControllerTests.ID), eq(3L), eq(DecisionType.REJECT), any(), any()))
                .willThrow(new CommentRequiredException(DecisionType.REJECT, null));
        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "REJECT")
                        .param("version", "3"))
                .andExpect(redirectedUrl("/requests/" + DecisionApiControllerTests.ID + "#review"))
                .andExpect(flash().attribute(
                                "decisionErrors",
                                Map.of(
                                        "comment",
                                        "Add a comment that tells the requester why the request is rejected.")))
                .andExpect(flash().attribute("decisionChosen", "REJECT"));
    }

    @Test
    void aTooLongCommentKeepsTheVerbAndTheTextAndReachesNoService() throws Exception {
        String typed = "x".repeat(4001);
        mvc.perform(post(PATH)
                        .with(user("bob").roles("REVIEWER"))
                        .with(csrf())
                        .param("decision", "REQUEST_CHANGES")
                        .param("comment", typed)
                        .param("version", "3"))
                .andExpect(redirectedUrl("/requests/" + DecisionApiControllerTests.ID + "#review"))
                .andExpect(flash().attribute(
                                "decisionErrors", Map.of("comment", "A comment can be at most 4000 characters.")))
                .andExpect(flash().attribute("decisionChosen", "REQUEST_CHANGES"))
                .andExpect(flash().attribute("decisionComment", typed));
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }

    @Test
    void aMissingVerbIsAFieldErrorInWordsAndTheCommentStays() throws Exception {
        // A verb the form never offers (decision=MAYBE) is a 400 page instead: DecisionBadInputTests.
        for (String verb : new String[] {""}) {
            mvc.perform(post(PATH)
                            .with(user("bob").roles("REVIEWER"))
                            .with(csrf())
                            .param("decision", verb)
                            .param("comment", "Looks fine")
                            .param("version", "3"))
                    .andExpect(redirectedUrl("/requests/" + DecisionApiControllerTests.ID + "#review"))
                    .andExpect(flash().attribute(
                                    "decisionErrors",
                                    Map.of("decision", "Choose Comment, Approve, Request changes or Reject.")))
                    .andExpect(flash().attribute("decisionComment", "Looks fine"));
        }
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }

    @Test
    void decisionsNeedACsrfToken() throws Exception {
        mvc.perform(post(PATH).with(user("bob").roles("REVIEWER")).param("decision", "APPROVE"))
                .andExpect(status().isForbidden());
        verify(requests, never()).decide(any(), any(), any(), any(), any());
    }
}
