package dev.rolecall.request.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.DecisionType;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.ActionNotAllowedException;
import dev.rolecall.request.problems.IllegalTransitionException;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import dev.rolecall.request.problems.StaleRequestException;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.request.spec.RoleRequestCheck;
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
@WebMvcTest(RoleRevisionController.class)
@Import({SecuritySliceConfiguration.class, PolicyDocuments.class})
class RoleRevisionControllerTests {

    static final RoleRequestId ID = RoleRequestControllerTests.ID;
    static final String REVISE = "/requests/" + ID + "/revise";

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

    /** alice's request after bob asked for changes, at version 5. */
    static RoleRequestView changesRequested() {
        return RoleRequestViews.view(
                RoleRequestStatus.CHANGES_REQUESTED,
                "alice",
                1,
                RoleSpecs.valid(),
                List.of(new RoleRequestView.DecisionView(
                        "bob",
                        DecisionType.REQUEST_CHANGES,
                        "Add a cost-center tag <b>please</b>",
                        1,
                        RoleRequestViews.NOW)),
                RiskLevel.LOW,
                null,
                5);
    }

    static RoleRequestView revised() {
        RoleRequestView before = changesRequested();
        return RoleRequestViews.view(
                RoleRequestStatus.IN_REVIEW, "alice", 2, before.spec(), before.decisions(), RiskLevel.LOW, null, 7);
    }

    /** The revise form as the browser posts it: the current revision plus a cost-center tag. */
    static MockHttpServletRequestBuilder postRevision() {
        return post(REVISE)
                .with(user("alice"))
                .with(csrf())
                .param("version", "5")
                .param("accountId", RoleSpecs.ACCOUNT)
                .param("roleName", "ci-deployer")
                .param("path", "/ci/")
                .param("trustPolicy", RoleSpecs.lambdaTrust().toString())
                .param("inlinePolicies[0].name", "read-logs")
                .param("inlinePolicies[0].document", RoleSpecs.readLogs().toString())
                .param("maxSessionDurationSeconds", "7200")
                .param("tags[0].key", "team")
                .param("tags[0].value", "payments")
                .param("tags[1].key", "cost-center")
                .param("tags[1].value", "42")
                .param("justification", "CI deploys");
    }

    @Test
    void theRequesterGetsTheFormFilledInWithTheCurrentRevisionAndTheReviewersComments() throws Exception {
        given(requests.getForRevision(eq(ID), any())).willReturn(changesRequested());
        mvc.perform(get(REVISE).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revise ci-deployer: revision 2")))
                .andExpect(content().string(containsString("What the reviewers said")))
                .andExpect(content().string(containsString("Add a cost-center tag &lt;b&gt;please&lt;/b&gt;")))
                .andExpect(content().string(containsString("action=\"" + REVISE + "\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"5\"")))
                .andExpect(content()
                        .string(containsString(
                                "<input type=\"hidden\" id=\"roleName\" name=\"roleName\" value=\"ci-deployer\"")))
                .andExpect(content().string(containsString("value=\"arn:aws:iam::111122223333:policy/boundary\"")))
                .andExpect(content().string(containsString("&quot;logs:GetLogEvents&quot;")))
                .andExpect(content().string(containsString("Submit revision 2")))
                .andExpect(content().string(not(containsString("<select id=\"accountId\""))));
    }

    @Test
    void theLiveCheckOfTheReviseFormIncludesTheFixedAccountAndRoleName() throws Exception {
        given(requests.getForRevision(eq(ID), any())).willReturn(changesRequested());
        mvc.perform(get(REVISE).with(user("alice")))
                .andExpect(content().string(containsString("hx-post=\"/requests/check\"")))
                .andExpect(content().string(containsString("hx-include=\"closest form\"")))
                .andExpect(content()
                        .string(containsString(
                                "<input type=\"hidden\" id=\"accountId\" name=\"accountId\" value=\"111122223333\"")));
    }

    @Test
    void othersCannotOpenTheReviseForm() throws Exception {
        given(requests.getForRevision(eq(ID), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_THE_REQUESTER));
        mvc.perform(get(REVISE).with(user("bob").roles("REVIEWER")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the person who filed this request can do that.")));
        given(requests.getForRevision(eq(ID), any())).willThrow(new RoleRequestNotFoundException(ID));
        mvc.perform(get(REVISE).with(user("frank")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("not yours to see")));
        mvc.perform(get("/requests/not-a-uuid/revise").with(user("alice"))).andExpect(status().isNotFound());
    }

    @Test
    void aRequestThatCanNoLongerBeRevisedAnswers409() throws Exception {
        given(requests.getForRevision(eq(ID), any()))
                .willThrow(new IllegalTransitionException(RoleRequestStatus.APPROVED, "revise"));
        mvc.perform(get(REVISE).with(user("alice")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("it is APPROVED")));
    }

    @Test
    void submittingFilesTheRevisionWithTheVersionReadAndRedirects() throws Exception {
        given(requests.revise(eq(ID), eq(5L), any(), anyList(), any())).willReturn(revised());
        mvc.perform(postRevision())
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/requests/" + ID))
                .andExpect(flash().attribute("flash", containsString("Revision 2 submitted. Review starts again")));
        verify(requests)
                .revise(
                        eq(ID),
                        eq(5L),
                        argThat(command ->
                                command.spec().tags().get("cost-center").equals("42")
                                        && command.spec().roleName().equals("ci-deployer")),
                        eq(List.of()),
                        any(CurrentUser.class));
    }

    @Test
    void aStaleRevisionAnswersTheConflictPage() throws Exception {
        given(requests.revise(eq(ID), eq(5L), any(), anyList(), any())).willThrow(new StaleRequestException());
        mvc.perform(postRevision())
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone else acted on this request")));
    }

    @Test
    void postingAsSomeoneElseIsRefusedAndWithoutCsrfNothingIsCalled() throws Exception {
        given(requests.revise(eq(ID), any(), any(), anyList(), any()))
                .willThrow(new ActionNotAllowedException(ActionNotAllowedException.Reason.NOT_THE_REQUESTER));
        mvc.perform(postRevision().with(user("bob").roles("REVIEWER")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the person who filed this request")));
        mvc.perform(post(REVISE).with(user("alice")).param("version", "5").param("roleName", "ci-deployer"))
                .andExpect(status().isForbidden());
        verify(requests, never()).getForRevision(any(), any());
        verify(requests).revise(any(), any(), any(), anyList(), any());
    }

    @Test
    void invalidInputIsShownUnderEachFieldOfTheReviseForm() throws Exception {
        given(requests.revise(eq(ID), eq(5L), any(), anyList(), any()))
                .willThrow(new RoleSpecInvalidException(List.of(
                        new FieldProblem("maxSessionDurationSeconds", "Session must be 3600–43200 seconds"),
                        new FieldProblem("roleName", "A revision keeps the role name"))));
        given(requests.getForRevision(eq(ID), any())).willReturn(changesRequested());
        mvc.perform(postRevision())
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "maxSessionDurationSeconds", "roleName"))
                .andExpect(content().string(containsString("Fix 2 problem(s) before submitting")))
                .andExpect(content().string(containsString("A revision keeps the role name")))
                .andExpect(content().string(containsString("action=\"" + REVISE + "\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"5\"")));
    }

    @Test
    void aRowPastTheLimitIsAFieldErrorAndNothingIsRevised() throws Exception {
        given(requests.getForRevision(eq(ID), any())).willReturn(changesRequested());
        mvc.perform(postRevision().param("tags[60].key", "one-too-far"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrors("form", "tags"))
                .andExpect(content().string(containsString("At most 48 tags")))
                .andExpect(content().string(containsString("action=\"" + REVISE + "\"")));
        verify(requests, never()).revise(any(), any(), any(), anyList(), any());
    }

    @Test
    void addingATagPastTheLimitOnTheReviseFormAddsNoRowAndSaysWhy() throws Exception {
        given(requests.getForRevision(eq(ID), any())).willReturn(changesRequested());
        MockHttpServletRequestBuilder full = postRevision().param("addTag", "1");
        for (int i = 2; i < RoleRequestFormRows.MAX_TAGS; i++) {
            full.param("tags[" + i + "].key", "k" + i);
        }
        mvc.perform(full)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("At most 48 tags")))
                .andExpect(content().string(containsString("id=\"tags-49-key\"")))
                .andExpect(content().string(not(containsString("id=\"tags-50-key\""))));
    }

    @Test
    void theNoScriptButtonsKeepTheReviseFormAndWhatWasTyped() throws Exception {
        given(requests.getForRevision(eq(ID), any())).willReturn(changesRequested());
        mvc.perform(postRevision().param("addTag", "1"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"tags-2-key\""),
                                containsString("value=\"cost-center\""),
                                containsString("action=\"" + REVISE + "\""),
                                containsString("name=\"version\" value=\"5\""))));
        mvc.perform(postRevision().param("addInline", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"inlinePolicies-1-name\"")));
        given(requests.check(any(), anyList()))
                .willReturn(new RoleRequestCheck(
                        List.of(),
                        new PolicyAnalysis(
                                RiskLevel.LOW, null, List.of(), "0.0.1", java.time.LocalDate.EPOCH, 1, true)));
        mvc.perform(postRevision().param("check", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No findings. Checked 1 policy and the trust policy")))
                .andExpect(content().string(containsString("Submit revision 2")));
        verify(requests, never()).revise(any(), any(), any(), anyList(), any());
    }
}
